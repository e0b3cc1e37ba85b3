package dev.arabica.format.model;

/** An exception tag defined in the module; its parameters are those of the function type. */
public record Tag(int typeIndex) {
}
