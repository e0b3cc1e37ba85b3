package dev.arabica.format.model;

import java.util.List;

/**
 * A sequence of instructions ending with {@code end}, as in the binary format: a function body or
 * a constant expression. Block structure is flat ({@code block ... end}), exactly as encoded.
 *
 * <p>{@code offsets}, when known, gives the byte offset in the module binary of each instruction;
 * it serves error messages and backtraces and takes no part in equality. Modules built from text
 * carry no offsets.
 */
public final class Expr {

    private final List<Instruction> instructions;
    private final int[] offsets;

    public Expr(List<Instruction> instructions, int[] offsets) {
        this.instructions = List.copyOf(instructions);
        if (offsets != null && offsets.length != instructions.size()) {
            throw new IllegalArgumentException("offsets: " + offsets.length + ", instructions: " + instructions.size());
        }
        this.offsets = offsets;
    }

    public static Expr of(List<Instruction> instructions) {
        return new Expr(instructions, null);
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    public boolean hasOffsets() {
        return offsets != null;
    }

    /** Byte offset of instruction {@code i} in the module binary, or -1 when unknown. */
    public int offset(int i) {
        return offsets == null ? -1 : offsets[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expr other && instructions.equals(other.instructions);
    }

    @Override
    public int hashCode() {
        return instructions.hashCode();
    }

    @Override
    public String toString() {
        return instructions.toString();
    }
}
