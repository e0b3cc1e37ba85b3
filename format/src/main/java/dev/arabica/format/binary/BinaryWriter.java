package dev.arabica.format.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends the primitive encodings of the binary format to a growing byte array. */
public final class BinaryWriter {

    private byte[] bytes = new byte[256];
    private int size;

    public void u8(int value) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) value;
    }

    public void bytes(byte[] value) {
        if (size + value.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + value.length));
        }
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    public void u32(int value) {
        u64(value & 0xFFFFFFFFL);
    }

    public void u64(long value) {
        long rest = value;
        do {
            int b = (int) (rest & 0x7F);
            rest >>>= 7;
            u8(rest != 0 ? b | 0x80 : b);
        } while (rest != 0);
    }

    public void s64(long value) {
        long rest = value;
        while (true) {
            int b = (int) (rest & 0x7F);
            rest >>= 7;
            boolean done = (rest == 0 && (b & 0x40) == 0) || (rest == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    public void f32(int bits) {
        u8(bits);
        u8(bits >>> 8);
        u8(bits >>> 16);
        u8(bits >>> 24);
    }

    public void f64(long bits) {
        f32((int) bits);
        f32((int) (bits >>> 32));
    }

    public void name(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        bytes(utf8);
    }

    /** Writes {@code content} prefixed by its length, as sections and function bodies are. */
    public void sized(BinaryWriter content) {
        u32(content.size);
        if (size + content.size > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + content.size));
        }
        System.arraycopy(content.bytes, 0, bytes, size, content.size);
        size += content.size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
