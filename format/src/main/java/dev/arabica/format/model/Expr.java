package dev.arabica.format.model;

import java.util.List;

/**
 * A sequence of instructions ending with {@code end}, as in the binary format: a function body or
 * a constant expression. Block structure is flat ({@code block ... end}), exactly as encoded.
 *
 * <p>{@code offsets}, when known, gives the byte offset in the module binary of each instruction;
 * it serves error messages and backtraces and takes no part in equality. Modules built from text
 * carry no offsets.
 *
 * <p>A function body may stay {@linkplain #encoded() encoded} until its instructions are first
 * asked for: engines validate it from its bytes, and decode only the functions they run.
 */
public final class Expr {

    /** A body in its binary encoding, which decodes it when first asked for its instructions. */
    public interface Encoded {
        Expr decode();
    }

    private final Encoded encoded;
    private volatile boolean decoded;
    private List<Instruction> instructions;
    private int[] offsets;

    public Expr(List<Instruction> instructions, int[] offsets) {
        this.instructions = List.copyOf(instructions);
        if (offsets != null && offsets.length != instructions.size()) {
            throw new IllegalArgumentException("offsets: " + offsets.length + ", instructions: " + instructions.size());
        }
        this.offsets = offsets;
        this.encoded = null;
        this.decoded = true;
    }

    private Expr(Encoded encoded) {
        this.encoded = encoded;
    }

    public static Expr of(List<Instruction> instructions) {
        return new Expr(instructions, null);
    }

    /** A body decoded from {@code encoded} on first use; it must decode without error (validate it first). */
    public static Expr lazy(Encoded encoded) {
        return new Expr(encoded);
    }

    /** The encoding this body is decoded from on first use, or null if it was built from instructions. */
    public Encoded encoded() {
        return encoded;
    }

    public List<Instruction> instructions() {
        decode();
        return instructions;
    }

    public boolean hasOffsets() {
        decode();
        return offsets != null;
    }

    /** Byte offset of instruction {@code i} in the module binary, or -1 when unknown. */
    public int offset(int i) {
        decode();
        return offsets == null ? -1 : offsets[i];
    }

    private void decode() {
        if (!decoded) {
            synchronized (this) {
                if (!decoded) {
                    Expr body = encoded.decode();
                    instructions = body.instructions;
                    offsets = body.offsets;
                    decoded = true;
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expr other && instructions().equals(other.instructions());
    }

    @Override
    public int hashCode() {
        return instructions().hashCode();
    }

    @Override
    public String toString() {
        return instructions().toString();
    }
}
