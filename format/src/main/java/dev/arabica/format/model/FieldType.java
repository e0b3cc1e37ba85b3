package dev.arabica.format.model;

/** A struct field or array element type, with its mutability. */
public record FieldType(StorageType storageType, boolean mutable) {
}
