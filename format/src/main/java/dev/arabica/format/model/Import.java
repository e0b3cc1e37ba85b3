package dev.arabica.format.model;

/** An import: the two-level name it is resolved by, and what it must be. */
public record Import(String module, String name, ExternType type) {
}
