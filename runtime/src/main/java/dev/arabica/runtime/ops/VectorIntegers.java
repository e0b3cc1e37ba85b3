package dev.arabica.runtime.ops;

import static dev.arabica.runtime.ops.Lanes.signed;

import dev.arabica.format.model.V128;

/**
 * The integer lane operators of i8x16, i16x8, i32x4 and i64x2, called by compiled code with the
 * lane width as a constant last argument, which the JIT folds once it inlines them. Lane operators
 * are non-capturing lambdas, so they cost no allocation even before the JIT inlines them.
 */
public final class VectorIntegers {

    private VectorIntegers() {
    }

    /** Lane-wise addition of whole halves: the carry out of each lane is cut at its sign bit. */
    public static V128 add(V128 a, V128 b, int width) {
        long signs = Lanes.signBits(width);
        return new V128(add(a.low(), b.low(), signs), add(a.high(), b.high(), signs));
    }

    private static long add(long a, long b, long signs) {
        return ((a & ~signs) + (b & ~signs)) ^ ((a ^ b) & signs);
    }

    public static V128 sub(V128 a, V128 b, int width) {
        long signs = Lanes.signBits(width);
        return new V128(sub(a.low(), b.low(), signs), sub(a.high(), b.high(), signs));
    }

    private static long sub(long a, long b, long signs) {
        return ((a | signs) - (b & ~signs)) ^ ((a ^ ~b) & signs);
    }

    public static V128 mul(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> x * y);
    }

    public static V128 neg(V128 a, int width) {
        return sub(V128.ZERO, a, width);
    }

    public static V128 abs(V128 a, int width) {
        return Lanes.map(a, width, (x, w) -> Math.abs(signed(x, w)));
    }

    public static V128 popcnt(V128 a, int width) {
        return Lanes.map(a, width, (x, w) -> Long.bitCount(x));
    }

    public static V128 eq(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> mask(x == y));
    }

    public static V128 ne(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> mask(x != y));
    }

    public static V128 ltS(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> mask(signed(x, w) < signed(y, w)));
    }

    public static V128 ltU(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> mask(Long.compareUnsigned(x, y) < 0));
    }

    public static V128 gtS(V128 a, V128 b, int width) {
        return ltS(b, a, width);
    }

    public static V128 gtU(V128 a, V128 b, int width) {
        return ltU(b, a, width);
    }

    public static V128 leS(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> mask(signed(x, w) <= signed(y, w)));
    }

    public static V128 leU(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> mask(Long.compareUnsigned(x, y) <= 0));
    }

    public static V128 geS(V128 a, V128 b, int width) {
        return leS(b, a, width);
    }

    public static V128 geU(V128 a, V128 b, int width) {
        return leU(b, a, width);
    }

    public static V128 minS(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> signed(x, w) <= signed(y, w) ? x : y);
    }

    public static V128 minU(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> Long.compareUnsigned(x, y) <= 0 ? x : y);
    }

    public static V128 maxS(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> signed(x, w) >= signed(y, w) ? x : y);
    }

    public static V128 maxU(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> Long.compareUnsigned(x, y) >= 0 ? x : y);
    }

    /** Lanes are at most 16 bits wide here, so the sum cannot overflow a long. */
    public static V128 avgrU(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> (x + y + 1) >>> 1);
    }

    public static V128 addSatS(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> saturateSigned(signed(x, w) + signed(y, w), w));
    }

    public static V128 addSatU(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> Math.min(x + y, Lanes.mask(w)));
    }

    public static V128 subSatS(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> saturateSigned(signed(x, w) - signed(y, w), w));
    }

    public static V128 subSatU(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> Math.max(x - y, 0));
    }

    public static V128 q15mulrSatS(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> saturateSigned((signed(x, w) * signed(y, w) + 0x4000) >> 15, w));
    }

    /** Shift counts are taken modulo the lane width. */
    public static V128 shl(V128 a, int count, int width) {
        int shift = count & (width - 1);
        return new V128(a.low() << shift & shiftedMask(width, shift), a.high() << shift & shiftedMask(width, shift));
    }

    /** The bits of each lane that survive a left shift by {@code shift}. */
    private static long shiftedMask(int width, int shift) {
        long perLane = Lanes.mask(width) << shift & Lanes.mask(width);
        long result = 0;
        for (int bit = 0; bit < 64; bit += width) {
            result |= perLane << bit;
        }
        return result;
    }

    public static V128 shrU(V128 a, int count, int width) {
        int shift = count & (width - 1);
        long kept = shiftedMask(width, shift) >>> shift;
        return new V128(a.low() >>> shift & kept, a.high() >>> shift & kept);
    }

    public static V128 shrS(V128 a, int count, int width) {
        int shift = count & (width - 1);
        return new V128(shrS(a.low(), shift, width), shrS(a.high(), shift, width));
    }

    private static long shrS(long half, int shift, int width) {
        long m = Lanes.mask(width);
        long result = 0;
        for (int bit = 0; bit < 64; bit += width) {
            result |= (signed((half >>> bit) & m, width) >> shift & m) << bit;
        }
        return result;
    }

    public static int allTrue(V128 a, int width) {
        boolean all = true;
        for (int lane = 0; lane < 128 / width; lane++) {
            all &= Lanes.get(a.low(), a.high(), lane, width) != 0;
        }
        return all ? 1 : 0;
    }

    public static int bitmask(V128 a, int width) {
        int mask = 0;
        for (int lane = 0; lane < 128 / width; lane++) {
            mask |= (int) (Lanes.get(a.low(), a.high(), lane, width) >>> (width - 1)) << lane;
        }
        return mask;
    }

    private static long mask(boolean value) {
        return value ? -1L : 0L;
    }

    private static long saturateSigned(long value, int width) {
        long max = (1L << (width - 1)) - 1;
        return Math.max(-max - 1, Math.min(max, value));
    }
}
