package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.ops.Lanes;
import java.util.EnumMap;
import java.util.Map;

/**
 * The vector instructions without immediates, as operators on the slot stack (a v128 is two slots,
 * low half first). Most are lane-wise, so the table is built from the mnemonics: shape, operator,
 * signedness; the irregular ones are written out.
 */
final class Simd {

    /** One vector operator: pops its operands, pushes its result, returns the new stack pointer. */
    interface VectorOp {
        int apply(long[] s, int sp);
    }

    interface LaneBinary {
        long apply(long a, long b);
    }

    interface LaneUnary {
        long apply(long a);
    }

    private static final Map<Opcode, VectorOp> OPS = new EnumMap<>(Opcode.class);

    static {
        for (Opcode op : Opcode.values()) {
            if (op.feature() == dev.arabica.format.model.Feature.SIMD && op.immediate() == ImmediateKind.NONE) {
                VectorOp vector = derive(op);
                if (vector != null) {
                    OPS.put(op, vector);
                }
            }
        }
    }

    private Simd() {
    }

    static int apply(Opcode op, long[] s, int sp) {
        VectorOp vector = OPS.get(op);
        if (vector == null) {
            throw new IllegalStateException("the interpreter does not run " + op.mnemonic() + " yet");
        }
        return vector.apply(s, sp);
    }

    private static int width(String shape) {
        return switch (shape) {
            case "i8x16" -> 8;
            case "i16x8" -> 16;
            case "i32x4", "f32x4" -> 32;
            default -> 64;
        };
    }

    private static VectorOp derive(Opcode op) {
        String mnemonic = op.mnemonic();
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        String name = mnemonic.substring(mnemonic.indexOf('.') + 1);
        if (shape.equals("v128")) {
            return bitwise(name);
        }
        int w = width(shape);
        boolean isFloat = shape.startsWith("f");
        if (name.equals("splat")) {
            return (s, sp) -> {
                long value = s[sp - 1] & Lanes.mask(w);
                long[] lanes = new long[128 / w];
                java.util.Arrays.fill(lanes, value);
                Lanes.pack(lanes, w, s, sp - 1);
                return sp + 1;
            };
        }
        if (name.equals("shl") || name.equals("shr_s") || name.equals("shr_u")) {
            return shift(w, name);
        }
        if (name.equals("all_true")) {
            return (s, sp) -> {
                boolean all = true;
                for (int i = 0; i < 128 / w; i++) {
                    all &= Lanes.get(s[sp - 2], s[sp - 1], i, w) != 0;
                }
                s[sp - 2] = all ? 1 : 0;
                return sp - 1;
            };
        }
        if (name.equals("bitmask")) {
            return (s, sp) -> {
                long mask = 0;
                for (int i = 0; i < 128 / w; i++) {
                    mask |= (Lanes.get(s[sp - 2], s[sp - 1], i, w) >>> (w - 1)) << i;
                }
                s[sp - 2] = mask;
                return sp - 1;
            };
        }
        VectorOp special = SimdSpecial.derive(op, shape, name, w);
        if (special != null) {
            return special;
        }
        if (isFloat) {
            return SimdFloat.derive(name, w);
        }
        LaneUnary unary = intUnary(name, w);
        if (unary != null) {
            return unary(w, unary);
        }
        LaneBinary binary = intBinary(name, w);
        return binary == null ? null : binary(w, binary);
    }

    static VectorOp unary(int w, LaneUnary f) {
        return (s, sp) -> {
            long[] lanes = new long[128 / w];
            Lanes.unpack(s[sp - 2], s[sp - 1], w, lanes);
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = f.apply(lanes[i]);
            }
            Lanes.pack(lanes, w, s, sp - 2);
            return sp;
        };
    }

    static VectorOp binary(int w, LaneBinary f) {
        return (s, sp) -> {
            long[] a = new long[128 / w];
            long[] b = new long[128 / w];
            Lanes.unpack(s[sp - 4], s[sp - 3], w, a);
            Lanes.unpack(s[sp - 2], s[sp - 1], w, b);
            for (int i = 0; i < a.length; i++) {
                a[i] = f.apply(a[i], b[i]);
            }
            Lanes.pack(a, w, s, sp - 4);
            return sp - 2;
        };
    }

    private static long bool(boolean value) {
        return value ? -1L : 0L;
    }

    private static long saturate(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static LaneUnary intUnary(String name, int w) {
        return switch (name) {
            case "abs" -> a -> Math.abs(Lanes.signed(a, w));
            case "neg" -> a -> -a;
            case "popcnt" -> Long::bitCount;
            default -> null;
        };
    }

    private static LaneBinary intBinary(String name, int w) {
        long smin = -(1L << (w - 1));
        long smax = w == 64 ? Long.MAX_VALUE : (1L << (w - 1)) - 1;
        long umax = Lanes.mask(w);
        return switch (name) {
            case "add" -> Long::sum;
            case "sub" -> (a, b) -> a - b;
            case "mul" -> (a, b) -> a * b;
            case "min_s" -> (a, b) -> Math.min(Lanes.signed(a, w), Lanes.signed(b, w));
            case "max_s" -> (a, b) -> Math.max(Lanes.signed(a, w), Lanes.signed(b, w));
            case "min_u" -> (a, b) -> Long.compareUnsigned(a, b) < 0 ? a : b;
            case "max_u" -> (a, b) -> Long.compareUnsigned(a, b) > 0 ? a : b;
            case "avgr_u" -> (a, b) -> (a + b + 1) >>> 1;
            case "add_sat_s" -> (a, b) -> saturate(Lanes.signed(a, w) + Lanes.signed(b, w), smin, smax);
            case "sub_sat_s" -> (a, b) -> saturate(Lanes.signed(a, w) - Lanes.signed(b, w), smin, smax);
            case "add_sat_u" -> (a, b) -> Math.min(a + b, umax);
            case "sub_sat_u" -> (a, b) -> Math.max(a - b, 0);
            case "q15mulr_sat_s" -> (a, b) -> saturate((Lanes.signed(a, w) * Lanes.signed(b, w) + 0x4000) >> 15, smin, smax);
            case "eq" -> (a, b) -> bool(a == b);
            case "ne" -> (a, b) -> bool(a != b);
            case "lt_s" -> (a, b) -> bool(Lanes.signed(a, w) < Lanes.signed(b, w));
            case "gt_s" -> (a, b) -> bool(Lanes.signed(a, w) > Lanes.signed(b, w));
            case "le_s" -> (a, b) -> bool(Lanes.signed(a, w) <= Lanes.signed(b, w));
            case "ge_s" -> (a, b) -> bool(Lanes.signed(a, w) >= Lanes.signed(b, w));
            case "lt_u" -> (a, b) -> bool(Long.compareUnsigned(a, b) < 0);
            case "gt_u" -> (a, b) -> bool(Long.compareUnsigned(a, b) > 0);
            case "le_u" -> (a, b) -> bool(Long.compareUnsigned(a, b) <= 0);
            case "ge_u" -> (a, b) -> bool(Long.compareUnsigned(a, b) >= 0);
            default -> null;
        };
    }

    private static VectorOp shift(int w, String name) {
        return (s, sp) -> {
            int count = (int) (s[sp - 1] & (w - 1));
            long[] lanes = new long[128 / w];
            Lanes.unpack(s[sp - 3], s[sp - 2], w, lanes);
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = switch (name) {
                    case "shl" -> lanes[i] << count;
                    case "shr_s" -> Lanes.signed(lanes[i], w) >> count;
                    default -> lanes[i] >>> count;
                };
            }
            Lanes.pack(lanes, w, s, sp - 3);
            return sp - 1;
        };
    }

    private static VectorOp bitwise(String name) {
        return switch (name) {
            case "not" -> (s, sp) -> {
                s[sp - 2] = ~s[sp - 2];
                s[sp - 1] = ~s[sp - 1];
                return sp;
            };
            case "and" -> (s, sp) -> {
                s[sp - 4] &= s[sp - 2];
                s[sp - 3] &= s[sp - 1];
                return sp - 2;
            };
            case "andnot" -> (s, sp) -> {
                s[sp - 4] &= ~s[sp - 2];
                s[sp - 3] &= ~s[sp - 1];
                return sp - 2;
            };
            case "or" -> (s, sp) -> {
                s[sp - 4] |= s[sp - 2];
                s[sp - 3] |= s[sp - 1];
                return sp - 2;
            };
            case "xor" -> (s, sp) -> {
                s[sp - 4] ^= s[sp - 2];
                s[sp - 3] ^= s[sp - 1];
                return sp - 2;
            };
            case "bitselect" -> (s, sp) -> {
                s[sp - 6] = (s[sp - 6] & s[sp - 2]) | (s[sp - 4] & ~s[sp - 2]);
                s[sp - 5] = (s[sp - 5] & s[sp - 1]) | (s[sp - 3] & ~s[sp - 1]);
                return sp - 4;
            };
            case "any_true" -> (s, sp) -> {
                s[sp - 2] = (s[sp - 2] | s[sp - 1]) != 0 ? 1 : 0;
                return sp - 1;
            };
            default -> null;
        };
    }
}
