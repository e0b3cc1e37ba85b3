package dev.arabica.wasi.preview1;

import dev.arabica.runtime.Memory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The calling instance's memory as WASI sees it: pointers are unsigned 32-bit offsets, and one
 * that reaches past the end fails the call with {@code EFAULT} instead of trapping.
 */
final class GuestMemory {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** As POSIX's IOV_MAX on Linux: more buffers in one call are refused rather than allocated for. */
    static final int MAX_IOVECS = 1024;

    private final byte[] bytes;

    GuestMemory(Memory memory) {
        this.bytes = memory.bytes();
    }

    /** The array offset of {@code length} bytes at guest pointer {@code pointer}, checked to lie inside the memory. */
    int offset(int pointer, long length) {
        long start = Integer.toUnsignedLong(pointer);
        if (length < 0 || start + length > bytes.length) {
            throw new WasiError(Errno.EFAULT);
        }
        return (int) start;
    }

    /** A buffer over {@code length} bytes of the memory, for channels to read into or write from. */
    ByteBuffer buffer(int pointer, int length) {
        long size = Integer.toUnsignedLong(length);
        return ByteBuffer.wrap(bytes, offset(pointer, size), (int) size);
    }

    byte[] array() {
        return bytes;
    }

    int u8(int pointer) {
        return bytes[offset(pointer, 1)] & 0xFF;
    }

    int u16(int pointer) {
        return (short) SHORT.get(bytes, offset(pointer, 2)) & 0xFFFF;
    }

    int i32(int pointer) {
        return (int) INT.get(bytes, offset(pointer, 4));
    }

    long i64(int pointer) {
        return (long) LONG.get(bytes, offset(pointer, 8));
    }

    void putU8(int pointer, int value) {
        bytes[offset(pointer, 1)] = (byte) value;
    }

    void putU16(int pointer, int value) {
        SHORT.set(bytes, offset(pointer, 2), (short) value);
    }

    void putI32(int pointer, int value) {
        INT.set(bytes, offset(pointer, 4), value);
    }

    void putI64(int pointer, long value) {
        LONG.set(bytes, offset(pointer, 8), value);
    }

    void put(int pointer, byte[] data) {
        System.arraycopy(data, 0, bytes, offset(pointer, data.length), data.length);
    }

    /** Copies at most {@code limit} bytes of {@code data}; returns how many it copied. */
    int putTruncated(int pointer, byte[] data, int limit) {
        int count = (int) Math.min(data.length, Integer.toUnsignedLong(limit));
        System.arraycopy(data, 0, bytes, offset(pointer, count), count);
        return count;
    }

    /** A UTF-8 string of {@code length} bytes; invalid UTF-8 fails with {@code EILSEQ}. */
    String string(int pointer, int length) {
        long size = Integer.toUnsignedLong(length);
        int start = offset(pointer, size);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, (int) size));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.EILSEQ);
        }
    }

    /** The buffers an iovec or ciovec array at {@code pointer} describes, {@code count} entries of 8 bytes. */
    ByteBuffer[] iovecs(int pointer, int count) {
        long entries = Integer.toUnsignedLong(count);
        if (entries > MAX_IOVECS) {
            throw new WasiError(Errno.EINVAL);
        }
        offset(pointer, entries * 8);
        ByteBuffer[] buffers = new ByteBuffer[(int) entries];
        for (int i = 0; i < buffers.length; i++) {
            int entry = pointer + i * 8;
            buffers[i] = buffer(i32(entry), i32(entry + 4));
        }
        return buffers;
    }
}
