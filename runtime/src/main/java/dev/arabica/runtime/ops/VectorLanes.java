package dev.arabica.runtime.ops;

import dev.arabica.format.model.V128;

/**
 * Vector operators that move lanes: splat, extract_lane, replace_lane, shuffle and swizzle. Lane
 * indices are immediates, so compiled code passes them as constants, as it does the lane width of
 * the integer shapes.
 */
public final class VectorLanes {

    private VectorLanes() {
    }

    /** i8x16, i16x8 and i32x4 splat. */
    public static V128 splat(int value, int width) {
        long half = 0;
        for (int bit = 0; bit < 64; bit += width) {
            half |= (value & Lanes.mask(width)) << bit;
        }
        return new V128(half, half);
    }

    public static V128 splat(long value) {
        return new V128(value, value);
    }

    public static V128 splat(float value) {
        long bits = Float.floatToRawIntBits(value) & 0xFFFFFFFFL;
        return splat(bits << 32 | bits);
    }

    public static V128 splat(double value) {
        return splat(Double.doubleToRawLongBits(value));
    }

    /** An i8x16, i16x8 or i32x4 lane, sign-extended to i32. */
    public static int extractLaneS(V128 vector, int lane, int width) {
        return (int) Lanes.lane(vector, lane, width, true);
    }

    public static int extractLaneU(V128 vector, int lane, int width) {
        return (int) Lanes.lane(vector, lane, width, false);
    }

    public static long extractLaneI64(V128 vector, int lane) {
        return lane == 0 ? vector.low() : vector.high();
    }

    public static float extractLaneF32(V128 vector, int lane) {
        return Float.intBitsToFloat(extractLaneS(vector, lane, 32));
    }

    public static double extractLaneF64(V128 vector, int lane) {
        return Double.longBitsToDouble(extractLaneI64(vector, lane));
    }

    /** Replaces an i8x16, i16x8 or i32x4 lane with the low bits of {@code value}. */
    public static V128 replaceLane(V128 vector, int value, int lane, int width) {
        if (lane * width < 64) {
            return new V128(Lanes.with(vector.low(), lane, width, value), vector.high());
        }
        return new V128(vector.low(), Lanes.with(vector.high(), lane, width, value));
    }

    public static V128 replaceLane(V128 vector, long value, int lane) {
        return lane == 0 ? new V128(value, vector.high()) : new V128(vector.low(), value);
    }

    public static V128 replaceLane(V128 vector, float value, int lane) {
        return replaceLane(vector, Float.floatToRawIntBits(value), lane, 32);
    }

    public static V128 replaceLane(V128 vector, double value, int lane) {
        return replaceLane(vector, Double.doubleToRawLongBits(value), lane);
    }

    /** Byte lane {@code i} of the result is byte {@code indices.byteLane(i)} of {@code a} then {@code b} (0 to 31). */
    public static V128 shuffle(V128 a, V128 b, long lowIndices, long highIndices) {
        V128 indices = new V128(lowIndices, highIndices);
        return Lanes.build(8, i -> {
            int index = indices.byteLane(i);
            return index < 16 ? a.byteLane(index) : b.byteLane(index - 16);
        });
    }

    /** Byte lane {@code i} is byte {@code s[i]} of {@code a}, or 0 if that index is 16 or more. */
    public static V128 swizzle(V128 a, V128 s) {
        return Lanes.build(8, i -> {
            int index = s.byteLane(i) & 0xFF;
            return index < 16 ? a.byteLane(index) : 0;
        });
    }
}
