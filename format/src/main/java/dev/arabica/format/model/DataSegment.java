package dev.arabica.format.model;

import java.util.Arrays;

/** A data segment: its mode and its bytes. */
public record DataSegment(SegmentMode mode, byte[] bytes) {

    public DataSegment {
        if (mode instanceof SegmentMode.Declarative) {
            throw new IllegalArgumentException("data segments cannot be declarative");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSegment other && mode.equals(other.mode) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DataSegment[mode=" + mode + ", " + bytes.length + " bytes]";
    }
}
