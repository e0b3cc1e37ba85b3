package dev.arabica.fuzz;

/** A host object passed to generated code as an externref; engines are compared on its id. */
record HostRef(int id) {
}
