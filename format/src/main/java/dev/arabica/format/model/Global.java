package dev.arabica.format.model;

/** A global defined in the module, with its constant initializer. */
public record Global(GlobalType type, Expr init) {
}
