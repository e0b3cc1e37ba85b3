package dev.arabica.format.model;

/** An array type: the type of its elements. */
public record ArrayType(FieldType element) implements CompType {
}
