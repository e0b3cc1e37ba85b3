package dev.arabica.runtime.ops;

import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;

/**
 * Scalar operators whose WebAssembly semantics differ from Java's: division traps, NaN results that
 * must be quiet, min and max over NaN and signed zeros. Shared by both engines; compiled code calls
 * them and the JIT inlines them.
 */
public final class WasmMath {

    private static final int CANONICAL_F32 = 0x7FC00000;
    private static final long CANONICAL_F64 = 0x7FF8000000000000L;

    private WasmMath() {
    }

    public static int nonZero(int divisor) {
        if (divisor == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return divisor;
    }

    public static long nonZero(long divisor) {
        if (divisor == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return divisor;
    }

    /** Operations that produce NaN must produce a quiet NaN; rounding functions pass NaN inputs through. */
    public static float quiet(float value) {
        return value != value ? Float.intBitsToFloat(CANONICAL_F32 | Float.floatToRawIntBits(value)) : value;
    }

    public static double quiet(double value) {
        return value != value ? Double.longBitsToDouble(CANONICAL_F64 | Double.doubleToRawLongBits(value)) : value;
    }

    public static float truncate(float value) {
        return value < 0 ? (float) Math.ceil(value) : (float) Math.floor(value);
    }

    public static double truncate(double value) {
        return value < 0 ? Math.ceil(value) : Math.floor(value);
    }

    public static float min(float a, float b) {
        return a != a || b != b ? Float.intBitsToFloat(CANONICAL_F32) : Math.min(a, b);
    }

    public static float max(float a, float b) {
        return a != a || b != b ? Float.intBitsToFloat(CANONICAL_F32) : Math.max(a, b);
    }

    public static double min(double a, double b) {
        return a != a || b != b ? Double.longBitsToDouble(CANONICAL_F64) : Math.min(a, b);
    }

    public static double max(double a, double b) {
        return a != a || b != b ? Double.longBitsToDouble(CANONICAL_F64) : Math.max(a, b);
    }
}
