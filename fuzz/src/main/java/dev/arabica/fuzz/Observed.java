package dev.arabica.fuzz;

import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Value;

/**
 * A value as seen from outside an engine, in a form two engines can be compared on: numbers by
 * their bits, function references by their index in their own instance, host references by id.
 */
record Observed(ValType type, long bits, long high, String ref) {

    /** How two observations relate. */
    enum Match { SAME, NAN_PAYLOAD, DIFFERENT }

    static Observed of(Value value, Instance instance, int functionCount) {
        if (value.type() instanceof RefType) {
            return new Observed(value.type(), 0, 0, describeRef(value.ref(), instance, functionCount));
        }
        long bits = value.type() == NumType.I32 || value.type() == NumType.F32 ? value.bits() & 0xFFFF_FFFFL : value.bits();
        return new Observed(value.type(), bits, value.high(), null);
    }

    /** A function by its index in {@code instance}, a host reference by its id, or null. */
    static String describeRef(Object ref, Instance instance, int functionCount) {
        if (ref == null) {
            return "null";
        }
        if (ref instanceof HostRef host) {
            return "extern " + host.id();
        }
        if (ref instanceof Func) {
            for (int i = 0; i < functionCount; i++) {
                if (instance.funcAt(i) == ref) {
                    return "func " + i;
                }
            }
            return "func not in the instance: " + ref;
        }
        return "unexpected " + ref.getClass().getName() + ": " + ref;
    }

    /**
     * Equal bits are the same; floats (and vector lanes) that differ only in NaN payload are a
     * NaN-payload difference, which the specification allows: an arithmetic result NaN may carry
     * any payload. Anything else is different.
     */
    Match compare(Observed other) {
        if (equals(other)) {
            return Match.SAME;
        }
        if (!type.equals(other.type) || type instanceof RefType) {
            return Match.DIFFERENT;
        }
        if (type == NumType.F32) {
            return f32NaN(bits) && f32NaN(other.bits) ? Match.NAN_PAYLOAD : Match.DIFFERENT;
        }
        if (type == NumType.F64) {
            return f64NaN(bits) && f64NaN(other.bits) ? Match.NAN_PAYLOAD : Match.DIFFERENT;
        }
        if (type == VecType.V128 && (lanesDifferOnlyInNaN32(other) || lanesDifferOnlyInNaN64(other))) {
            return Match.NAN_PAYLOAD;
        }
        return Match.DIFFERENT;
    }

    private boolean lanesDifferOnlyInNaN32(Observed other) {
        long[] mine = {bits, high};
        long[] theirs = {other.bits, other.high};
        for (int half = 0; half < 2; half++) {
            for (int shift = 0; shift < 64; shift += 32) {
                long a = (mine[half] >>> shift) & 0xFFFF_FFFFL;
                long b = (theirs[half] >>> shift) & 0xFFFF_FFFFL;
                if (a != b && !(f32NaN(a) && f32NaN(b))) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean lanesDifferOnlyInNaN64(Observed other) {
        return (bits == other.bits || f64NaN(bits) && f64NaN(other.bits))
                && (high == other.high || f64NaN(high) && f64NaN(other.high));
    }

    private static boolean f32NaN(long bits) {
        return Float.isNaN(Float.intBitsToFloat((int) bits));
    }

    private static boolean f64NaN(long bits) {
        return Double.isNaN(Double.longBitsToDouble(bits));
    }

    @Override
    public String toString() {
        if (ref != null) {
            return type + ":" + ref;
        }
        if (type == VecType.V128) {
            return String.format("v128:0x%016x%016x", high, bits);
        }
        return switch (((NumType) type).text()) {
            case "i32" -> "i32:" + (int) bits;
            case "i64" -> "i64:" + bits;
            case "f32" -> String.format("f32:%s(0x%08x)", Float.intBitsToFloat((int) bits), bits);
            default -> String.format("f64:%s(0x%016x)", Double.longBitsToDouble(bits), bits);
        };
    }
}
