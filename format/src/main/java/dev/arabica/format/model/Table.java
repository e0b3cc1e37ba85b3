package dev.arabica.format.model;

/** A table defined in the module; {@code init} is null when elements start as null references. */
public record Table(TableType type, Expr init) {
}
