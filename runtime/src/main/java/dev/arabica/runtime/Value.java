package dev.arabica.runtime;

import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.V128;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;

/**
 * A WebAssembly value crossing the boundary with Java: numbers by their bits, references as Java
 * objects ({@link Func} for funcref, anything for externref, null for the null reference).
 */
public record Value(ValType type, long bits, long high, Object ref) {

    public static Value i32(int value) {
        return new Value(NumType.I32, value, 0, null);
    }

    public static Value i64(long value) {
        return new Value(NumType.I64, value, 0, null);
    }

    public static Value f32(float value) {
        return new Value(NumType.F32, Float.floatToRawIntBits(value), 0, null);
    }

    public static Value f32Bits(int bits) {
        return new Value(NumType.F32, bits, 0, null);
    }

    public static Value f64(double value) {
        return new Value(NumType.F64, Double.doubleToRawLongBits(value), 0, null);
    }

    public static Value f64Bits(long bits) {
        return new Value(NumType.F64, bits, 0, null);
    }

    public static Value v128(V128 value) {
        return new Value(VecType.V128, value.low(), value.high(), null);
    }

    public static Value ref(RefType type, Object ref) {
        return new Value(type, 0, 0, ref);
    }

    public static Value externref(Object ref) {
        return new Value(RefType.EXTERNREF, 0, 0, ref);
    }

    public static Value funcref(Func func) {
        return new Value(RefType.FUNCREF, 0, 0, func);
    }

    /** The default (zero or null) value of a type. */
    public static Value zero(ValType type) {
        return new Value(type, 0, 0, null);
    }

    public int asInt() {
        return (int) bits;
    }

    public long asLong() {
        return bits;
    }

    public float asFloat() {
        return Float.intBitsToFloat((int) bits);
    }

    public double asDouble() {
        return Double.longBitsToDouble(bits);
    }

    public V128 asV128() {
        return new V128(bits, high);
    }

    @Override
    public String toString() {
        if (type instanceof RefType) {
            return type + ":" + ref;
        }
        return switch ((type instanceof NumType n) ? n.text() : "v128") {
            case "i32" -> "i32:" + asInt();
            case "i64" -> "i64:" + bits;
            case "f32" -> "f32:" + asFloat();
            case "f64" -> "f64:" + asDouble();
            default -> asV128().toString();
        };
    }
}
