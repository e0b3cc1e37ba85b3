package dev.arabica.runtime.ops;

import dev.arabica.format.model.V128;

/**
 * The locals of a compiled function that is split into several methods, kept in arrays that all
 * of its methods share: numbers as their bits in a {@code long[]} (a {@code v128} in two entries),
 * references in an {@code Object[]}. Compiled code reads scalars and references in place, and
 * calls these to write them and to read and write a {@code v128}.
 */
public final class LocalFrame {

    private LocalFrame() {
    }

    public static V128 v128(long[] frame, int index) {
        return new V128(frame[index], frame[index + 1]);
    }

    public static void setI32(int value, long[] frame, int index) {
        frame[index] = value;
    }

    public static void setI64(long value, long[] frame, int index) {
        frame[index] = value;
    }

    public static void setF32(float value, long[] frame, int index) {
        frame[index] = Float.floatToRawIntBits(value);
    }

    public static void setF64(double value, long[] frame, int index) {
        frame[index] = Double.doubleToRawLongBits(value);
    }

    public static void setV128(V128 value, long[] frame, int index) {
        frame[index] = value.low();
        frame[index + 1] = value.high();
    }

    public static void setRef(Object value, Object[] frame, int index) {
        frame[index] = value;
    }
}
