package dev.arabica.runtime.ops;

import static dev.arabica.runtime.ops.Lanes.lane;

import dev.arabica.format.model.V128;

/**
 * Vector operators that change the lane shape: narrowing, extension, pairwise and extended
 * multiplication, the dot product, and conversions between integer and float lanes. Those named
 * after one shape take no width; the others take the result's lane width as a constant last argument.
 */
public final class VectorConversions {

    private VectorConversions() {
    }

    /** Signed lanes of twice {@code width} bits, {@code a}'s then {@code b}'s, saturated to {@code width} bits. */
    public static V128 narrowS(V128 a, V128 b, int width) {
        long max = (1L << (width - 1)) - 1;
        return narrow(a, b, width, -max - 1, max);
    }

    public static V128 narrowU(V128 a, V128 b, int width) {
        return narrow(a, b, width, 0, Lanes.mask(width));
    }

    private static V128 narrow(V128 a, V128 b, int width, long min, long max) {
        int half = 64 / width;
        return Lanes.build(width, i -> Math.max(min, Math.min(max,
                i < half ? lane(a, i, 2 * width, true) : lane(b, i - half, 2 * width, true))));
    }

    public static V128 extendLowS(V128 a, int width) {
        return Lanes.build(width, i -> lane(a, i, width / 2, true));
    }

    public static V128 extendLowU(V128 a, int width) {
        return Lanes.build(width, i -> lane(a, i, width / 2, false));
    }

    public static V128 extendHighS(V128 a, int width) {
        return Lanes.build(width, i -> lane(a, i + 128 / width, width / 2, true));
    }

    public static V128 extendHighU(V128 a, int width) {
        return Lanes.build(width, i -> lane(a, i + 128 / width, width / 2, false));
    }

    public static V128 extaddPairwiseS(V128 a, int width) {
        return Lanes.build(width, i -> lane(a, 2 * i, width / 2, true) + lane(a, 2 * i + 1, width / 2, true));
    }

    public static V128 extaddPairwiseU(V128 a, int width) {
        return Lanes.build(width, i -> lane(a, 2 * i, width / 2, false) + lane(a, 2 * i + 1, width / 2, false));
    }

    public static V128 extmulLowS(V128 a, V128 b, int width) {
        return extmul(a, b, width, 0, true);
    }

    public static V128 extmulLowU(V128 a, V128 b, int width) {
        return extmul(a, b, width, 0, false);
    }

    public static V128 extmulHighS(V128 a, V128 b, int width) {
        return extmul(a, b, width, 128 / width, true);
    }

    public static V128 extmulHighU(V128 a, V128 b, int width) {
        return extmul(a, b, width, 128 / width, false);
    }

    private static V128 extmul(V128 a, V128 b, int width, int first, boolean signed) {
        return Lanes.build(width, i -> lane(a, first + i, width / 2, signed) * lane(b, first + i, width / 2, signed));
    }

    public static V128 i32x4DotI16x8S(V128 a, V128 b) {
        return Lanes.build(32, i -> lane(a, 2 * i, 16, true) * lane(b, 2 * i, 16, true)
                + lane(a, 2 * i + 1, 16, true) * lane(b, 2 * i + 1, 16, true));
    }

    public static V128 f32x4ConvertI32x4S(V128 a) {
        return Lanes.build(32, i -> Float.floatToRawIntBits((float) lane(a, i, 32, true)));
    }

    public static V128 f32x4ConvertI32x4U(V128 a) {
        return Lanes.build(32, i -> Float.floatToRawIntBits((float) lane(a, i, 32, false)));
    }

    public static V128 f64x2ConvertLowI32x4S(V128 a) {
        return Lanes.build(64, i -> Double.doubleToRawLongBits(lane(a, i, 32, true)));
    }

    public static V128 f64x2ConvertLowI32x4U(V128 a) {
        return Lanes.build(64, i -> Double.doubleToRawLongBits(lane(a, i, 32, false)));
    }

    public static V128 i32x4TruncSatF32x4S(V128 a) {
        return Lanes.build(32, i -> (int) f32(a, i));
    }

    public static V128 i32x4TruncSatF32x4U(V128 a) {
        return Lanes.build(32, i -> Conversions.i32TruncSatU(f32(a, i)));
    }

    /** The two results take the low lanes; the high ones are zero. */
    public static V128 i32x4TruncSatF64x2SZero(V128 a) {
        return Lanes.build(32, i -> i < 2 ? (int) f64(a, i) : 0);
    }

    public static V128 i32x4TruncSatF64x2UZero(V128 a) {
        return Lanes.build(32, i -> i < 2 ? Conversions.i32TruncSatU(f64(a, i)) : 0);
    }

    public static V128 f32x4DemoteF64x2Zero(V128 a) {
        return Lanes.build(32, i -> i < 2 ? Float.floatToRawIntBits(WasmMath.f32Demote(f64(a, i))) : 0);
    }

    public static V128 f64x2PromoteLowF32x4(V128 a) {
        return Lanes.build(64, i -> Double.doubleToRawLongBits(WasmMath.f64Promote(f32(a, i))));
    }

    private static float f32(V128 a, int lane) {
        return Float.intBitsToFloat((int) lane(a, lane, 32, false));
    }

    private static double f64(V128 a, int lane) {
        return Double.longBitsToDouble(lane(a, lane, 64, false));
    }
}
