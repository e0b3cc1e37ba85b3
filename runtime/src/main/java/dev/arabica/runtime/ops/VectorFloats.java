package dev.arabica.runtime.ops;

import dev.arabica.format.model.V128;

/**
 * The f32x4 and f64x2 lane operators, called by compiled code with the lane width (32 or 64) as a
 * constant last argument. Arithmetic is done in the lane's own type, as the scalar operators are
 * compiled, and rounding, min and max use the scalar {@link WasmMath} helpers, so each lane follows
 * the scalar rules for NaN and signed zeros.
 */
public final class VectorFloats {

    private interface FloatBinary {
        float apply(float a, float b);
    }

    private interface DoubleBinary {
        double apply(double a, double b);
    }

    private interface FloatUnary {
        float apply(float a);
    }

    private interface DoubleUnary {
        double apply(double a);
    }

    private VectorFloats() {
    }

    public static V128 add(V128 a, V128 b, int width) {
        return width == 32 ? lanes32(a, b, (x, y) -> x + y) : lanes64(a, b, (x, y) -> x + y);
    }

    public static V128 sub(V128 a, V128 b, int width) {
        return width == 32 ? lanes32(a, b, (x, y) -> x - y) : lanes64(a, b, (x, y) -> x - y);
    }

    public static V128 mul(V128 a, V128 b, int width) {
        return width == 32 ? lanes32(a, b, (x, y) -> x * y) : lanes64(a, b, (x, y) -> x * y);
    }

    public static V128 div(V128 a, V128 b, int width) {
        return width == 32 ? lanes32(a, b, (x, y) -> x / y) : lanes64(a, b, (x, y) -> x / y);
    }

    public static V128 min(V128 a, V128 b, int width) {
        return width == 32 ? lanes32(a, b, WasmMath::min) : lanes64(a, b, WasmMath::min);
    }

    public static V128 max(V128 a, V128 b, int width) {
        return width == 32 ? lanes32(a, b, WasmMath::max) : lanes64(a, b, WasmMath::max);
    }

    /** The pseudo-minimum {@code b < a ? b : a}: one of the operands, bit for bit, NaN payloads included. */
    public static V128 pmin(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> value(y, w) < value(x, w) ? y : x);
    }

    public static V128 pmax(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> value(x, w) < value(y, w) ? y : x);
    }

    public static V128 eq(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> value(x, w) == value(y, w) ? -1L : 0L);
    }

    public static V128 ne(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> value(x, w) != value(y, w) ? -1L : 0L);
    }

    public static V128 lt(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> value(x, w) < value(y, w) ? -1L : 0L);
    }

    public static V128 gt(V128 a, V128 b, int width) {
        return lt(b, a, width);
    }

    public static V128 le(V128 a, V128 b, int width) {
        return Lanes.map(a, b, width, (x, y, w) -> value(x, w) <= value(y, w) ? -1L : 0L);
    }

    public static V128 ge(V128 a, V128 b, int width) {
        return le(b, a, width);
    }

    /** Sign operations touch only the sign bit, so NaN payloads pass unchanged. */
    public static V128 abs(V128 a, int width) {
        long signs = Lanes.signBits(width);
        return new V128(a.low() & ~signs, a.high() & ~signs);
    }

    public static V128 neg(V128 a, int width) {
        long signs = Lanes.signBits(width);
        return new V128(a.low() ^ signs, a.high() ^ signs);
    }

    public static V128 sqrt(V128 a, int width) {
        return width == 32 ? lanes32(a, WasmMath::f32Sqrt) : lanes64(a, WasmMath::f64Sqrt);
    }

    public static V128 ceil(V128 a, int width) {
        return width == 32 ? lanes32(a, WasmMath::f32Ceil) : lanes64(a, WasmMath::f64Ceil);
    }

    public static V128 floor(V128 a, int width) {
        return width == 32 ? lanes32(a, WasmMath::f32Floor) : lanes64(a, WasmMath::f64Floor);
    }

    public static V128 trunc(V128 a, int width) {
        return width == 32 ? lanes32(a, WasmMath::f32Trunc) : lanes64(a, WasmMath::f64Trunc);
    }

    public static V128 nearest(V128 a, int width) {
        return width == 32 ? lanes32(a, WasmMath::f32Nearest) : lanes64(a, WasmMath::f64Nearest);
    }

    static double value(long bits, int width) {
        return width == 32 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
    }

    private static float low(long half) {
        return Float.intBitsToFloat((int) half);
    }

    private static float high(long half) {
        return Float.intBitsToFloat((int) (half >>> 32));
    }

    private static long half(float low, float high) {
        return (Float.floatToRawIntBits(low) & 0xFFFFFFFFL) | (long) Float.floatToRawIntBits(high) << 32;
    }

    private static long half(long a, long b, FloatBinary f) {
        return half(f.apply(low(a), low(b)), f.apply(high(a), high(b)));
    }

    private static V128 lanes32(V128 a, V128 b, FloatBinary f) {
        return new V128(half(a.low(), b.low(), f), half(a.high(), b.high(), f));
    }

    private static V128 lanes32(V128 a, FloatUnary f) {
        return new V128(half(f.apply(low(a.low())), f.apply(high(a.low()))),
                half(f.apply(low(a.high())), f.apply(high(a.high()))));
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static V128 lanes64(V128 a, V128 b, DoubleBinary f) {
        return new V128(bits(f.apply(f64(a.low()), f64(b.low()))), bits(f.apply(f64(a.high()), f64(b.high()))));
    }

    private static V128 lanes64(V128 a, DoubleUnary f) {
        return new V128(bits(f.apply(f64(a.low()))), bits(f.apply(f64(a.high()))));
    }
}
