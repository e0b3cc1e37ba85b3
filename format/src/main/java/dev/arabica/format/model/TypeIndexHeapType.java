package dev.arabica.format.model;

/** A heap type that refers to a type of the module by index. */
public record TypeIndexHeapType(int index) implements HeapType {

    @Override
    public String text() {
        return Integer.toString(index);
    }

    @Override
    public String toString() {
        return text();
    }
}
