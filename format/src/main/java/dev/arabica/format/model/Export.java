package dev.arabica.format.model;

/** An export: a name and the index of the entity in its index space. */
public record Export(String name, ExternalKind kind, int index) {
}
