package dev.arabica.format.model;

/** How an element or data segment is used: copied at instantiation (active), on demand, or not at all. */
public sealed interface SegmentMode {

    /** Copied into table or memory {@code index} at {@code offset} when the module is instantiated. */
    record Active(int index, Expr offset) implements SegmentMode {
    }

    /** Available to {@code table.init}/{@code memory.init} and friends. */
    record Passive() implements SegmentMode {
    }

    /** Only declares function references for {@code ref.func}; dropped at instantiation. */
    record Declarative() implements SegmentMode {
    }
}
