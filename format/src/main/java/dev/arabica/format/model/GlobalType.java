package dev.arabica.format.model;

/** A global's value type and mutability. {@code shared} comes from the threads proposal. */
public record GlobalType(ValType valType, boolean mutable, boolean shared) {

    public static GlobalType of(ValType valType, boolean mutable) {
        return new GlobalType(valType, mutable, false);
    }
}
