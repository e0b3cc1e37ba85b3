package dev.arabica.runtime.ops;

import dev.arabica.format.model.V128;

/**
 * Lane access on a v128 held as two longs (lanes in little-endian order, lane 0 in the low bits of
 * {@code low}). Lanes are read as unsigned values, or sign-extended with {@link #signed}. Both
 * engines use these: the interpreter on its slot stack, compiled code through the {@code Vector*}
 * helpers, which apply a lane operator to each 64-bit half with {@link #map}.
 */
public final class Lanes {

    /** An operator on one lane of {@code width} bits, given unsigned; only the low {@code width} bits of the result count. */
    public interface Binary {
        long apply(long a, long b, int width);
    }

    public interface Unary {
        long apply(long a, int width);
    }

    private Lanes() {
    }

    public static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    public static long get(long low, long high, int lane, int width) {
        int bit = lane * width;
        long word = bit < 64 ? low : high;
        return (word >>> (bit & 63)) & mask(width);
    }

    public static long signed(long value, int width) {
        int shift = 64 - width;
        return (value << shift) >> shift;
    }

    /** Returns the half ({@code low} if {@code lane} is in it) with lane {@code lane} replaced. */
    public static long with(long word, int lane, int width, long value) {
        int bit = (lane * width) & 63;
        long m = mask(width) << bit;
        return (word & ~m) | ((value << bit) & m);
    }

    /** Unpacks all lanes (unsigned) into {@code out}. */
    public static void unpack(long low, long high, int width, long[] out) {
        int lanes = 128 / width;
        for (int i = 0; i < lanes; i++) {
            out[i] = get(low, high, i, width);
        }
    }

    /** Packs lanes into s[at] (low half) and s[at + 1] (high half). */
    public static void pack(long[] lanes, int width, long[] s, int at) {
        long low = 0;
        long high = 0;
        int count = 128 / width;
        for (int i = 0; i < count; i++) {
            int bit = i * width;
            long value = lanes[i] & mask(width);
            if (bit < 64) {
                low |= value << bit;
            } else {
                high |= value << (bit - 64);
            }
        }
        s[at] = low;
        s[at + 1] = high;
    }

    /** Applies {@code f} to each pair of lanes of the halves {@code a} and {@code b}. */
    public static long map(long a, long b, int width, Binary f) {
        long m = mask(width);
        long result = 0;
        for (int bit = 0; bit < 64; bit += width) {
            result |= (f.apply((a >>> bit) & m, (b >>> bit) & m, width) & m) << bit;
        }
        return result;
    }

    public static long map(long a, int width, Unary f) {
        long m = mask(width);
        long result = 0;
        for (int bit = 0; bit < 64; bit += width) {
            result |= (f.apply((a >>> bit) & m, width) & m) << bit;
        }
        return result;
    }

    public static V128 map(V128 a, V128 b, int width, Binary f) {
        return new V128(map(a.low(), b.low(), width, f), map(a.high(), b.high(), width, f));
    }

    public static V128 map(V128 a, int width, Unary f) {
        return new V128(map(a.low(), width, f), map(a.high(), width, f));
    }

    /** The sign bit of every lane of a half: what carries must not cross in lane-wise addition. */
    public static long signBits(int width) {
        return switch (width) {
            case 8 -> 0x8080808080808080L;
            case 16 -> 0x8000800080008000L;
            case 32 -> 0x8000000080000000L;
            default -> Long.MIN_VALUE;
        };
    }

    /** Lane {@code lane} of {@code vector}, sign-extended if {@code signed}. */
    public static long lane(V128 vector, int lane, int width, boolean signed) {
        long value = get(vector.low(), vector.high(), lane, width);
        return signed ? signed(value, width) : value;
    }

    /** The lanes of {@code width} bits: where {@link #build} asks a lane's value. */
    public interface Source {
        long lane(int index);
    }

    /** A vector of lanes of {@code width} bits, lane {@code i} being {@code source.lane(i)}. */
    public static V128 build(int width, Source source) {
        int perHalf = 64 / width;
        long m = mask(width);
        long low = 0;
        long high = 0;
        for (int i = 0; i < perHalf; i++) {
            low |= (source.lane(i) & m) << (i * width);
            high |= (source.lane(i + perHalf) & m) << (i * width);
        }
        return new V128(low, high);
    }
}
