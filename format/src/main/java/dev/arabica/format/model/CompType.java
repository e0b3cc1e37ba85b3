package dev.arabica.format.model;

/** A composite type: the shape of a defined type (function, struct or array). */
public sealed interface CompType permits FuncType, StructType, ArrayType {
}
