package dev.arabica.runtime.interpreter;

import dev.arabica.runtime.ops.Lanes;

/** Lane-wise f32x4 and f64x2 operators, with the scalar NaN and signed-zero rules. */
final class SimdFloat {

    private static final int CANONICAL_F32 = 0x7FC00000;
    private static final long CANONICAL_F64 = 0x7FF8000000000000L;

    private interface DoubleBinary {
        double apply(double a, double b);
    }

    private interface DoubleUnary {
        double apply(double a);
    }

    private interface Compare {
        boolean apply(double a, double b);
    }

    private SimdFloat() {
    }

    static Simd.VectorOp derive(String name, int w) {
        DoubleBinary arithmetic = switch (name) {
            case "add" -> Double::sum;
            case "sub" -> (a, b) -> a - b;
            case "mul" -> (a, b) -> a * b;
            case "div" -> (a, b) -> a / b;
            case "min" -> (a, b) -> a != a || b != b ? Double.NaN : Math.min(a, b);
            case "max" -> (a, b) -> a != a || b != b ? Double.NaN : Math.max(a, b);
            default -> null;
        };
        if (arithmetic != null) {
            return Simd.binary(w, (a, b) -> w == 32 ? f32Bits(arithmetic, a, b) : f64Bits(arithmetic, a, b));
        }
        if (name.equals("pmin")) {
            return Simd.binary(w, (a, b) -> value(b, w) < value(a, w) ? b : a);
        }
        if (name.equals("pmax")) {
            return Simd.binary(w, (a, b) -> value(a, w) < value(b, w) ? b : a);
        }
        Compare compare = switch (name) {
            case "eq" -> (a, b) -> a == b;
            case "ne" -> (a, b) -> a != b;
            case "lt" -> (a, b) -> a < b;
            case "gt" -> (a, b) -> a > b;
            case "le" -> (a, b) -> a <= b;
            case "ge" -> (a, b) -> a >= b;
            default -> null;
        };
        if (compare != null) {
            return Simd.binary(w, (a, b) -> compare.apply(value(a, w), value(b, w)) ? -1L : 0L);
        }
        return switch (name) {
            case "abs" -> Simd.unary(w, a -> a & (Lanes.mask(w) >>> 1));
            case "neg" -> Simd.unary(w, a -> a ^ (1L << (w - 1)));
            case "sqrt" -> rounding(w, Math::sqrt);
            case "ceil" -> rounding(w, Math::ceil);
            case "floor" -> rounding(w, Math::floor);
            case "trunc" -> rounding(w, a -> a < 0 ? Math.ceil(a) : Math.floor(a));
            case "nearest" -> rounding(w, Math::rint);
            default -> null;
        };
    }

    static double value(long bits, int w) {
        return w == 32 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    private static long f32Bits(DoubleBinary f, long a, long b) {
        float x = Float.intBitsToFloat((int) a);
        float y = Float.intBitsToFloat((int) b);
        float result = (float) f.apply(x, y);
        if (result != result) {
            return quietNan32(x, y);
        }
        return Float.floatToRawIntBits(result) & 0xFFFFFFFFL;
    }

    private static long f64Bits(DoubleBinary f, long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double result = f.apply(x, y);
        if (result != result) {
            return quietNan64(x, y);
        }
        return Double.doubleToRawLongBits(result);
    }

    /** A NaN result: an input NaN made quiet if there is one, the canonical NaN otherwise. */
    private static long quietNan32(float x, float y) {
        if (x != x) {
            return (Float.floatToRawIntBits(x) | CANONICAL_F32) & 0xFFFFFFFFL;
        }
        if (y != y) {
            return (Float.floatToRawIntBits(y) | CANONICAL_F32) & 0xFFFFFFFFL;
        }
        return CANONICAL_F32;
    }

    private static long quietNan64(double x, double y) {
        if (x != x) {
            return Double.doubleToRawLongBits(x) | CANONICAL_F64;
        }
        if (y != y) {
            return Double.doubleToRawLongBits(y) | CANONICAL_F64;
        }
        return CANONICAL_F64;
    }

    private static Simd.VectorOp rounding(int w, DoubleUnary f) {
        return Simd.unary(w, a -> {
            if (w == 32) {
                float x = Float.intBitsToFloat((int) a);
                if (x != x) {
                    return (a | CANONICAL_F32) & 0xFFFFFFFFL;
                }
                return Float.floatToRawIntBits((float) f.apply(x)) & 0xFFFFFFFFL;
            }
            double x = Double.longBitsToDouble(a);
            if (x != x) {
                return a | CANONICAL_F64;
            }
            return Double.doubleToRawLongBits(f.apply(x));
        });
    }
}
