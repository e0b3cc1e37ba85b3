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

    public static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static int i32DivU(int a, int b) {
        return Integer.divideUnsigned(a, nonZero(b));
    }

    public static int i32RemS(int a, int b) {
        return a % nonZero(b);
    }

    public static int i32RemU(int a, int b) {
        return Integer.remainderUnsigned(a, nonZero(b));
    }

    public static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new Trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new Trap(TrapKind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static long i64DivU(long a, long b) {
        return Long.divideUnsigned(a, nonZero(b));
    }

    public static long i64RemS(long a, long b) {
        return a % nonZero(b);
    }

    public static long i64RemU(long a, long b) {
        return Long.remainderUnsigned(a, nonZero(b));
    }

    public static float f32Abs(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) & 0x7FFFFFFF);
    }

    public static float f32Neg(float a) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(a) ^ 0x80000000);
    }

    public static float f32Copysign(float a, float b) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(a) & 0x7FFFFFFF) | (Float.floatToRawIntBits(b) & 0x80000000));
    }

    public static double f64Abs(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) & Long.MAX_VALUE);
    }

    public static double f64Neg(double a) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(a) ^ Long.MIN_VALUE);
    }

    public static double f64Copysign(double a, double b) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(a) & Long.MAX_VALUE)
                | (Double.doubleToRawLongBits(b) & Long.MIN_VALUE));
    }

    public static float f32Ceil(float a) {
        return quiet((float) Math.ceil(a));
    }

    public static float f32Floor(float a) {
        return quiet((float) Math.floor(a));
    }

    public static float f32Trunc(float a) {
        return quiet(truncate(a));
    }

    public static float f32Nearest(float a) {
        return quiet((float) Math.rint(a));
    }

    public static float f32Sqrt(float a) {
        return quiet((float) Math.sqrt(a));
    }

    public static double f64Ceil(double a) {
        return quiet(Math.ceil(a));
    }

    public static double f64Floor(double a) {
        return quiet(Math.floor(a));
    }

    public static double f64Trunc(double a) {
        return quiet(truncate(a));
    }

    public static double f64Nearest(double a) {
        return quiet(Math.rint(a));
    }

    public static double f64Sqrt(double a) {
        return quiet(Math.sqrt(a));
    }

    public static float f32Demote(double a) {
        return quiet((float) a);
    }

    public static double f64Promote(float a) {
        return quiet((double) a);
    }
}
