package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.ops.Lanes;

/**
 * Vector operators that change lane shape or mix lanes: narrowing, extension, pairwise and
 * extended multiplication, dot product, conversions, swizzle.
 */
final class SimdSpecial {

    private SimdSpecial() {
    }

    static Simd.VectorOp derive(Opcode op, String shape, String name, int w) {
        boolean signed = name.endsWith("_s") || name.contains("_s_");
        if (name.startsWith("narrow_")) {
            return narrow(w, signed);
        }
        if (name.startsWith("extend_low_") || name.startsWith("extend_high_")) {
            return extend(w, name.startsWith("extend_high_"), signed);
        }
        if (name.startsWith("extadd_pairwise_")) {
            return extaddPairwise(w, signed);
        }
        if (name.startsWith("extmul_")) {
            return extmul(w, name.startsWith("extmul_high_"), signed);
        }
        if (op == Opcode.I32X4_DOT_I16X8_S) {
            return dot();
        }
        if (op == Opcode.I8X16_SWIZZLE) {
            return swizzle();
        }
        return SimdConversions.derive(op);
    }

    private static Simd.VectorOp narrow(int w, boolean signed) {
        int from = w * 2;
        long min = signed ? -(1L << (w - 1)) : 0;
        long max = signed ? (1L << (w - 1)) - 1 : (1L << w) - 1;
        return (s, sp) -> {
            int half = 128 / from;
            long[] out = new long[128 / w];
            for (int i = 0; i < half; i++) {
                out[i] = clamp(Lanes.signed(Lanes.get(s[sp - 4], s[sp - 3], i, from), from), min, max);
                out[i + half] = clamp(Lanes.signed(Lanes.get(s[sp - 2], s[sp - 1], i, from), from), min, max);
            }
            Lanes.pack(out, w, s, sp - 4);
            return sp - 2;
        };
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static long extended(long value, int width, boolean signed) {
        return signed ? Lanes.signed(value, width) : value;
    }

    private static Simd.VectorOp extend(int w, boolean high, boolean signed) {
        int from = w / 2;
        return (s, sp) -> {
            int lanes = 128 / w;
            int first = high ? lanes : 0;
            long[] out = new long[lanes];
            for (int i = 0; i < lanes; i++) {
                out[i] = extended(Lanes.get(s[sp - 2], s[sp - 1], first + i, from), from, signed);
            }
            Lanes.pack(out, w, s, sp - 2);
            return sp;
        };
    }

    private static Simd.VectorOp extaddPairwise(int w, boolean signed) {
        int from = w / 2;
        return (s, sp) -> {
            long[] out = new long[128 / w];
            for (int i = 0; i < out.length; i++) {
                out[i] = extended(Lanes.get(s[sp - 2], s[sp - 1], 2 * i, from), from, signed)
                        + extended(Lanes.get(s[sp - 2], s[sp - 1], 2 * i + 1, from), from, signed);
            }
            Lanes.pack(out, w, s, sp - 2);
            return sp;
        };
    }

    private static Simd.VectorOp extmul(int w, boolean high, boolean signed) {
        int from = w / 2;
        return (s, sp) -> {
            int lanes = 128 / w;
            int first = high ? lanes : 0;
            long[] out = new long[lanes];
            for (int i = 0; i < lanes; i++) {
                long a = extended(Lanes.get(s[sp - 4], s[sp - 3], first + i, from), from, signed);
                long b = extended(Lanes.get(s[sp - 2], s[sp - 1], first + i, from), from, signed);
                out[i] = a * b;
            }
            Lanes.pack(out, w, s, sp - 4);
            return sp - 2;
        };
    }

    private static Simd.VectorOp dot() {
        return (s, sp) -> {
            long[] out = new long[4];
            for (int i = 0; i < 4; i++) {
                long sum = 0;
                for (int j = 2 * i; j <= 2 * i + 1; j++) {
                    sum += Lanes.signed(Lanes.get(s[sp - 4], s[sp - 3], j, 16), 16)
                            * Lanes.signed(Lanes.get(s[sp - 2], s[sp - 1], j, 16), 16);
                }
                out[i] = sum;
            }
            Lanes.pack(out, 32, s, sp - 4);
            return sp - 2;
        };
    }

    private static Simd.VectorOp swizzle() {
        return (s, sp) -> {
            long[] out = new long[16];
            for (int i = 0; i < 16; i++) {
                long index = Lanes.get(s[sp - 2], s[sp - 1], i, 8);
                out[i] = index < 16 ? Lanes.get(s[sp - 4], s[sp - 3], (int) index, 8) : 0;
            }
            Lanes.pack(out, 8, s, sp - 4);
            return sp - 2;
        };
    }
}
