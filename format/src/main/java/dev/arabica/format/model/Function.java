package dev.arabica.format.model;

import java.util.List;

/** A function defined in the module: its type index, its declared locals and its body. */
public record Function(int typeIndex, List<Locals> locals, Expr body) {

    public Function {
        locals = List.copyOf(locals);
    }
}
