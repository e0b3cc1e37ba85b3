package dev.arabica.format.model;

/** A table type: the element reference type and the size limits in elements. */
public record TableType(RefType elementType, Limits limits) {
}
