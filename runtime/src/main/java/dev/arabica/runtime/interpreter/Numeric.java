package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.ops.Conversions;
import dev.arabica.runtime.ops.WasmMath;

/**
 * The numeric operators on the slot stack, with WebAssembly's exact semantics: integer traps,
 * NaN results, signed zeros, float-to-integer range checks and saturation, correct rounding of
 * unsigned conversions. 32-bit values live in the low half of a slot; the high half is ignored.
 */
final class Numeric {

    private Numeric() {
    }

    private static float f32(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static double f64(long slot) {
        return Double.longBitsToDouble(slot);
    }

    private static long bits(float value) {
        return Float.floatToRawIntBits(value) & 0xFFFFFFFFL;
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static long bool(boolean value) {
        return value ? 1 : 0;
    }

    static int apply(Opcode op, long[] s, int sp) {
        switch (op) {
            case I64_EQZ -> s[sp - 1] = bool(s[sp - 1] == 0);
            case I32_CLZ -> s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
            case I32_CTZ -> s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]);
            case I32_POPCNT -> s[sp - 1] = Integer.bitCount((int) s[sp - 1]);
            case I64_CLZ -> s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]);
            case I64_CTZ -> s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]);
            case I64_POPCNT -> s[sp - 1] = Long.bitCount(s[sp - 1]);
            case I32_EXTEND8_S -> s[sp - 1] = (byte) s[sp - 1];
            case I32_EXTEND16_S -> s[sp - 1] = (short) s[sp - 1];
            case I64_EXTEND8_S -> s[sp - 1] = (byte) s[sp - 1];
            case I64_EXTEND16_S -> s[sp - 1] = (short) s[sp - 1];
            case I64_EXTEND32_S, I64_EXTEND_I32_S -> s[sp - 1] = (int) s[sp - 1];
            case I64_EXTEND_I32_U -> s[sp - 1] = s[sp - 1] & 0xFFFFFFFFL;
            case I32_WRAP_I64 -> s[sp - 1] = (int) s[sp - 1];
            case F32_ABS -> s[sp - 1] = s[sp - 1] & 0x7FFFFFFFL;
            case F32_NEG -> s[sp - 1] = (s[sp - 1] ^ 0x80000000L) & 0xFFFFFFFFL;
            case F64_ABS -> s[sp - 1] = s[sp - 1] & Long.MAX_VALUE;
            case F64_NEG -> s[sp - 1] = s[sp - 1] ^ Long.MIN_VALUE;
            case F32_CEIL -> s[sp - 1] = bits(WasmMath.f32Ceil(f32(s[sp - 1])));
            case F32_FLOOR -> s[sp - 1] = bits(WasmMath.f32Floor(f32(s[sp - 1])));
            case F32_TRUNC -> s[sp - 1] = bits(WasmMath.f32Trunc(f32(s[sp - 1])));
            case F32_NEAREST -> s[sp - 1] = bits(WasmMath.f32Nearest(f32(s[sp - 1])));
            case F32_SQRT -> s[sp - 1] = bits(WasmMath.f32Sqrt(f32(s[sp - 1])));
            case F64_CEIL -> s[sp - 1] = bits(WasmMath.f64Ceil(f64(s[sp - 1])));
            case F64_FLOOR -> s[sp - 1] = bits(WasmMath.f64Floor(f64(s[sp - 1])));
            case F64_TRUNC -> s[sp - 1] = bits(WasmMath.f64Trunc(f64(s[sp - 1])));
            case F64_NEAREST -> s[sp - 1] = bits(WasmMath.f64Nearest(f64(s[sp - 1])));
            case F64_SQRT -> s[sp - 1] = bits(WasmMath.f64Sqrt(f64(s[sp - 1])));
            case I32_TRUNC_F32_S -> s[sp - 1] = Conversions.i32TruncS(f32(s[sp - 1]));
            case I32_TRUNC_F32_U -> s[sp - 1] = Conversions.i32TruncU(f32(s[sp - 1]));
            case I32_TRUNC_F64_S -> s[sp - 1] = Conversions.i32TruncS(f64(s[sp - 1]));
            case I32_TRUNC_F64_U -> s[sp - 1] = Conversions.i32TruncU(f64(s[sp - 1]));
            case I64_TRUNC_F32_S -> s[sp - 1] = Conversions.i64TruncS(f32(s[sp - 1]));
            case I64_TRUNC_F32_U -> s[sp - 1] = Conversions.i64TruncU(f32(s[sp - 1]));
            case I64_TRUNC_F64_S -> s[sp - 1] = Conversions.i64TruncS(f64(s[sp - 1]));
            case I64_TRUNC_F64_U -> s[sp - 1] = Conversions.i64TruncU(f64(s[sp - 1]));
            case I32_TRUNC_SAT_F32_S -> s[sp - 1] = (int) f32(s[sp - 1]);
            case I32_TRUNC_SAT_F32_U -> s[sp - 1] = Conversions.i32TruncSatU(f32(s[sp - 1]));
            case I32_TRUNC_SAT_F64_S -> s[sp - 1] = (int) f64(s[sp - 1]);
            case I32_TRUNC_SAT_F64_U -> s[sp - 1] = Conversions.i32TruncSatU(f64(s[sp - 1]));
            case I64_TRUNC_SAT_F32_S -> s[sp - 1] = (long) f32(s[sp - 1]);
            case I64_TRUNC_SAT_F32_U -> s[sp - 1] = Conversions.i64TruncSatU(f32(s[sp - 1]));
            case I64_TRUNC_SAT_F64_S -> s[sp - 1] = (long) f64(s[sp - 1]);
            case I64_TRUNC_SAT_F64_U -> s[sp - 1] = Conversions.i64TruncSatU(f64(s[sp - 1]));
            case F32_CONVERT_I32_S -> s[sp - 1] = bits((float) (int) s[sp - 1]);
            case F32_CONVERT_I32_U -> s[sp - 1] = bits((float) (s[sp - 1] & 0xFFFFFFFFL));
            case F32_CONVERT_I64_S -> s[sp - 1] = bits((float) s[sp - 1]);
            case F32_CONVERT_I64_U -> s[sp - 1] = bits(Conversions.u64ToF32(s[sp - 1]));
            case F64_CONVERT_I32_S -> s[sp - 1] = bits((double) (int) s[sp - 1]);
            case F64_CONVERT_I32_U -> s[sp - 1] = bits((double) (s[sp - 1] & 0xFFFFFFFFL));
            case F64_CONVERT_I64_S -> s[sp - 1] = bits((double) s[sp - 1]);
            case F64_CONVERT_I64_U -> s[sp - 1] = bits(Conversions.u64ToF64(s[sp - 1]));
            case F32_DEMOTE_F64 -> s[sp - 1] = bits(WasmMath.f32Demote(f64(s[sp - 1])));
            case F64_PROMOTE_F32 -> s[sp - 1] = bits(WasmMath.f64Promote(f32(s[sp - 1])));
            case I32_REINTERPRET_F32, F32_REINTERPRET_I32 -> s[sp - 1] = s[sp - 1] & 0xFFFFFFFFL;
            case I64_REINTERPRET_F64, F64_REINTERPRET_I64 -> {
            }
            default -> {
                return binary(op, s, sp);
            }
        }
        return sp;
    }

    private static int binary(Opcode op, long[] s, int sp) {
        long b = s[--sp];
        long a = s[sp - 1];
        int ia = (int) a;
        int ib = (int) b;
        s[sp - 1] = switch (op) {
            case I64_EQ -> bool(a == b);
            case I64_NE -> bool(a != b);
            case I64_LT_S -> bool(a < b);
            case I64_LT_U -> bool(Long.compareUnsigned(a, b) < 0);
            case I64_GT_S -> bool(a > b);
            case I64_GT_U -> bool(Long.compareUnsigned(a, b) > 0);
            case I64_LE_S -> bool(a <= b);
            case I64_LE_U -> bool(Long.compareUnsigned(a, b) <= 0);
            case I64_GE_S -> bool(a >= b);
            case I64_GE_U -> bool(Long.compareUnsigned(a, b) >= 0);
            case F32_EQ -> bool(f32(a) == f32(b));
            case F32_NE -> bool(f32(a) != f32(b));
            case F32_LT -> bool(f32(a) < f32(b));
            case F32_GT -> bool(f32(a) > f32(b));
            case F32_LE -> bool(f32(a) <= f32(b));
            case F32_GE -> bool(f32(a) >= f32(b));
            case F64_EQ -> bool(f64(a) == f64(b));
            case F64_NE -> bool(f64(a) != f64(b));
            case F64_LT -> bool(f64(a) < f64(b));
            case F64_GT -> bool(f64(a) > f64(b));
            case F64_LE -> bool(f64(a) <= f64(b));
            case F64_GE -> bool(f64(a) >= f64(b));
            case I32_DIV_S -> WasmMath.i32DivS(ia, ib);
            case I32_DIV_U -> WasmMath.i32DivU(ia, ib);
            case I32_REM_S -> WasmMath.i32RemS(ia, ib);
            case I32_REM_U -> WasmMath.i32RemU(ia, ib);
            case I32_ROTL -> Integer.rotateLeft(ia, ib);
            case I32_ROTR -> Integer.rotateRight(ia, ib);
            case I64_DIV_S -> WasmMath.i64DivS(a, b);
            case I64_DIV_U -> WasmMath.i64DivU(a, b);
            case I64_REM_S -> WasmMath.i64RemS(a, b);
            case I64_REM_U -> WasmMath.i64RemU(a, b);
            case I64_ROTL -> Long.rotateLeft(a, (int) b);
            case I64_ROTR -> Long.rotateRight(a, (int) b);
            case F32_ADD -> bits(f32(a) + f32(b));
            case F32_SUB -> bits(f32(a) - f32(b));
            case F32_MUL -> bits(f32(a) * f32(b));
            case F32_DIV -> bits(f32(a) / f32(b));
            case F32_MIN -> bits(WasmMath.min(f32(a), f32(b)));
            case F32_MAX -> bits(WasmMath.max(f32(a), f32(b)));
            case F32_COPYSIGN -> (a & 0x7FFFFFFFL) | (b & 0x80000000L);
            case F64_DIV -> bits(f64(a) / f64(b));
            case F64_MIN -> bits(WasmMath.min(f64(a), f64(b)));
            case F64_MAX -> bits(WasmMath.max(f64(a), f64(b)));
            case F64_COPYSIGN -> (a & Long.MAX_VALUE) | (b & Long.MIN_VALUE);
            default -> throw new IllegalStateException("the interpreter does not run " + op.mnemonic() + " yet");
        };
        return sp;
    }
}
