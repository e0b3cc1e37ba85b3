package dev.arabica.runtime.ops;

import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;

/** Float-to-integer truncations (trapping and saturating) and unsigned integer-to-float conversions. */
public final class Conversions {

    private static final double TWO_63 = 9.223372036854775808E18;
    private static final double TWO_64 = 1.8446744073709551616E19;

    private Conversions() {
    }

    private static void checkNotNan(double value) {
        if (value != value) {
            throw new Trap(TrapKind.INVALID_CONVERSION);
        }
    }

    /** Traps unless {@code low < value < high} (after truncation towards zero the result fits). */
    private static void checkRange(double value, double low, double high) {
        checkNotNan(value);
        if (!(value > low && value < high)) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
    }

    public static long i32TruncS(double value) {
        checkRange(value, -2147483649.0, 2147483648.0);
        return (int) value;
    }

    public static long i32TruncU(double value) {
        checkRange(value, -1.0, 4294967296.0);
        return (long) value & 0xFFFFFFFFL;
    }

    public static long i64TruncS(double value) {
        checkNotNan(value);
        if (!(value >= -TWO_63 && value < TWO_63)) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return (long) value;
    }

    public static long i64TruncU(double value) {
        checkRange(value, -1.0, TWO_64);
        return value >= TWO_63 ? (long) (value - TWO_63) ^ Long.MIN_VALUE : (long) value;
    }

    public static long i32TruncSatU(double value) {
        if (value != value || value <= 0) {
            return 0;
        }
        if (value >= 4294967295.0) {
            return 0xFFFFFFFFL;
        }
        return (long) value;
    }

    public static long i64TruncSatU(double value) {
        if (value != value || value <= 0) {
            return 0;
        }
        if (value >= TWO_64) {
            return -1L;
        }
        return value >= TWO_63 ? (long) (value - TWO_63) ^ Long.MIN_VALUE : (long) value;
    }

    public static float u64ToF32(long value) {
        if (value >= 0) {
            return (float) value;
        }
        long halved = (value >>> 1) | (value & 1);
        return (float) halved * 2f;
    }

    public static double u64ToF64(long value) {
        if (value >= 0) {
            return (double) value;
        }
        long halved = (value >>> 1) | (value & 1);
        return (double) halved * 2.0;
    }
}
