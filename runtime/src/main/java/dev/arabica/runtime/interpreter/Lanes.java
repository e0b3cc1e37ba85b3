package dev.arabica.runtime.interpreter;

/**
 * Lane access on a v128 held as two longs (lanes in little-endian order, lane 0 in the low bits of
 * {@code low}). Lanes are read as unsigned values, or sign-extended with {@link #signed}.
 */
final class Lanes {

    private Lanes() {
    }

    static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    static long get(long low, long high, int lane, int width) {
        int bit = lane * width;
        long word = bit < 64 ? low : high;
        return (word >>> (bit & 63)) & mask(width);
    }

    static long signed(long value, int width) {
        int shift = 64 - width;
        return (value << shift) >> shift;
    }

    /** Returns the half ({@code low} if {@code lane} is in it) with lane {@code lane} replaced. */
    static long with(long word, int lane, int width, long value) {
        int bit = (lane * width) & 63;
        long m = mask(width) << bit;
        return (word & ~m) | ((value << bit) & m);
    }

    /** Unpacks all lanes (unsigned) into {@code out}. */
    static void unpack(long low, long high, int width, long[] out) {
        int lanes = 128 / width;
        for (int i = 0; i < lanes; i++) {
            out[i] = get(low, high, i, width);
        }
    }

    /** Packs lanes into s[at] (low half) and s[at + 1] (high half). */
    static void pack(long[] lanes, int width, long[] s, int at) {
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
}
