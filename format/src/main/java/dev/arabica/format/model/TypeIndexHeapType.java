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

    // equals and hashCode are written out: see RATIONALE.md (records at start-up).
    @Override
    public boolean equals(Object o) {
        return o instanceof TypeIndexHeapType other && index == other.index;
    }

    @Override
    public int hashCode() {
        return index;
    }
}
