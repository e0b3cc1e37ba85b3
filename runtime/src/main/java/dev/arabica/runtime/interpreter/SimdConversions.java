package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.ops.Conversions;
import dev.arabica.runtime.ops.Lanes;

/** Conversions between integer and float vectors: convert, saturating truncation, demote, promote. */
final class SimdConversions {

    private SimdConversions() {
    }

    static Simd.VectorOp derive(Opcode op) {
        return switch (op) {
            case F32X4_CONVERT_I32X4_S -> lanes(32, 32, 4, a -> Float.floatToRawIntBits((float) Lanes.signed(a, 32)));
            case F32X4_CONVERT_I32X4_U -> lanes(32, 32, 4, a -> Float.floatToRawIntBits((float) a));
            case F64X2_CONVERT_LOW_I32X4_S -> lanes(32, 64, 2, a -> Double.doubleToRawLongBits(Lanes.signed(a, 32)));
            case F64X2_CONVERT_LOW_I32X4_U -> lanes(32, 64, 2, a -> Double.doubleToRawLongBits((double) a));
            case I32X4_TRUNC_SAT_F32X4_S -> lanes(32, 32, 4, a -> (int) Float.intBitsToFloat((int) a));
            case I32X4_TRUNC_SAT_F32X4_U -> lanes(32, 32, 4, a -> Conversions.i32TruncSatU(Float.intBitsToFloat((int) a)));
            case I32X4_TRUNC_SAT_F64X2_S_ZERO -> lanes(64, 32, 2, a -> (int) Double.longBitsToDouble(a));
            case I32X4_TRUNC_SAT_F64X2_U_ZERO -> lanes(64, 32, 2, a -> Conversions.i32TruncSatU(Double.longBitsToDouble(a)));
            case F32X4_DEMOTE_F64X2_ZERO -> lanes(64, 32, 2, a -> {
                double value = Double.longBitsToDouble(a);
                return Float.floatToRawIntBits((float) value) | (value != value ? 0x7FC00000 : 0);
            });
            case F64X2_PROMOTE_LOW_F32X4 -> lanes(32, 64, 2, a -> {
                float value = Float.intBitsToFloat((int) a);
                return Double.doubleToRawLongBits(value) | (value != value ? 0x7FF8000000000000L : 0);
            });
            default -> null;
        };
    }

    private interface LaneConversion {
        long apply(long lane);
    }

    /** Converts the first {@code count} lanes of width {@code from} to lanes of width {@code to}; the rest are zero. */
    private static Simd.VectorOp lanes(int from, int to, int count, LaneConversion f) {
        return (s, sp) -> {
            long[] out = new long[128 / to];
            for (int i = 0; i < count; i++) {
                out[i] = f.apply(Lanes.get(s[sp - 2], s[sp - 1], i, from));
            }
            Lanes.pack(out, to, s, sp - 2);
            return sp;
        };
    }
}
