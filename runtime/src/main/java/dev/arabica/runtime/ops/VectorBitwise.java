package dev.arabica.runtime.ops;

import dev.arabica.format.model.V128;

/** The v128 bitwise operators, which see the vector as 128 bits regardless of its lanes. */
public final class VectorBitwise {

    private VectorBitwise() {
    }

    public static V128 not(V128 a) {
        return new V128(~a.low(), ~a.high());
    }

    public static V128 and(V128 a, V128 b) {
        return new V128(a.low() & b.low(), a.high() & b.high());
    }

    public static V128 andnot(V128 a, V128 b) {
        return new V128(a.low() & ~b.low(), a.high() & ~b.high());
    }

    public static V128 or(V128 a, V128 b) {
        return new V128(a.low() | b.low(), a.high() | b.high());
    }

    public static V128 xor(V128 a, V128 b) {
        return new V128(a.low() ^ b.low(), a.high() ^ b.high());
    }

    /** Each bit from {@code a} where {@code mask} has a 1, from {@code b} where it has a 0. */
    public static V128 bitselect(V128 a, V128 b, V128 mask) {
        return new V128((a.low() & mask.low()) | (b.low() & ~mask.low()),
                (a.high() & mask.high()) | (b.high() & ~mask.high()));
    }

    public static int anyTrue(V128 a) {
        return (a.low() | a.high()) != 0 ? 1 : 0;
    }
}
