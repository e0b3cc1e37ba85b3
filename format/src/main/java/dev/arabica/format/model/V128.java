package dev.arabica.format.model;

/** A 128-bit vector value, as two little-endian 64-bit halves (lanes 0..7 bytes in {@code low}). */
public record V128(long low, long high) {

    public static final V128 ZERO = new V128(0, 0);

    /** The vector whose 16 bytes, in little-endian lane order, are {@code bytes[offset..offset+16)}. */
    public static V128 fromBytes(byte[] bytes, int offset) {
        return new V128(leLong(bytes, offset), leLong(bytes, offset + 8));
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (low >>> (8 * i));
            bytes[i + 8] = (byte) (high >>> (8 * i));
        }
        return bytes;
    }

    /** Byte lane {@code i} (0..15). */
    public byte byteLane(int i) {
        return (byte) ((i < 8 ? low : high) >>> (8 * (i & 7)));
    }

    private static long leLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    @Override
    public String toString() {
        return String.format("v128(0x%016x%016x)", high, low);
    }
}
