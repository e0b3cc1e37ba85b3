package dev.arabica.format.binary;

import dev.arabica.format.MalformedModuleException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of the binary format (bytes, LEB128 integers, floats, names) from
 * a window of a byte array. Reading past the window is malformed: at the end of the whole module
 * it is "unexpected end", inside a section or function body it is "unexpected end of section or
 * function", as the reference interpreter reports them.
 */
public final class BinaryReader {

    private final byte[] bytes;
    private int position;
    private final int limit;
    private final boolean wholeModule;
    /** The offset in the module of {@code bytes[0]}: offsets reported are the module's. */
    private final int base;

    BinaryReader(byte[] bytes) {
        this(bytes, 0, bytes.length, true, 0);
    }

    /** A reader over a whole payload, such as a custom section's. */
    public static BinaryReader of(byte[] bytes) {
        return new BinaryReader(bytes);
    }

    private BinaryReader(byte[] bytes, int position, int limit, boolean wholeModule, int base) {
        this.bytes = bytes;
        this.position = position;
        this.limit = limit;
        this.wholeModule = wholeModule;
        this.base = base;
    }

    /** A reader for the next {@code length} bytes; this reader skips past them. */
    public BinaryReader slice(int length) {
        if (length < 0 || length > remaining()) {
            throw malformed(wholeModule ? "length out of bounds" : "unexpected end of section or function");
        }
        BinaryReader slice = new BinaryReader(bytes, position, position + length, false, base);
        position += length;
        return slice;
    }

    /** The offset in the module of the next byte. */
    int position() {
        return base + position;
    }

    /** A reader over the same window, from the same position, that moves independently of this one. */
    BinaryReader copy() {
        return new BinaryReader(bytes, position, limit, wholeModule, base);
    }

    /**
     * A reader over a copy of the rest of this window, reporting the same offsets: what it keeps
     * alive is that copy, not the whole module.
     */
    BinaryReader detached() {
        return new BinaryReader(Arrays.copyOfRange(bytes, position, limit), 0, limit - position, wholeModule,
                base + position);
    }

    int remaining() {
        return limit - position;
    }

    public boolean atEnd() {
        return position >= limit;
    }

    MalformedModuleException malformed(String reason) {
        return new MalformedModuleException(reason, position());
    }

    MalformedModuleException malformedAt(String reason, int offset) {
        return new MalformedModuleException(reason, offset);
    }

    private MalformedModuleException unexpectedEnd() {
        return malformed(wholeModule ? "unexpected end" : "unexpected end of section or function");
    }

    public int u8() {
        if (position >= limit) {
            throw unexpectedEnd();
        }
        return bytes[position++] & 0xFF;
    }

    int peekU8() {
        if (position >= limit) {
            throw unexpectedEnd();
        }
        return bytes[position] & 0xFF;
    }

    byte[] bytes(int length) {
        if (length < 0 || length > remaining()) {
            throw unexpectedEnd();
        }
        byte[] result = new byte[length];
        System.arraycopy(bytes, position, result, 0, length);
        position += length;
        return result;
    }

    /** An unsigned 32-bit LEB128 integer, as a Java int holding the same 32 bits. */
    public int u32() {
        // Most indices and counts fit one byte: read those without the general loop.
        if (position < limit && bytes[position] >= 0) {
            return bytes[position++];
        }
        return (int) leb128(32, false);
    }

    /** A u32 that counts or indexes something; values of 2^31 and above are returned as is (negative). */
    long u32AsLong() {
        return u32() & 0xFFFFFFFFL;
    }

    int s32() {
        if (position < limit && bytes[position] >= 0) {
            return bytes[position++] << 25 >> 25;
        }
        return (int) leb128(32, true);
    }

    long s33() {
        return leb128(33, true);
    }

    long u64() {
        return leb128(64, false);
    }

    long s64() {
        return leb128(64, true);
    }

    /**
     * Decodes an N-bit LEB128 integer. At most ceil(N/7) bytes may be used, and in the last byte the
     * bits beyond N must be zero (unsigned) or copies of the sign bit (signed).
     */
    private long leb128(int bits, boolean signed) {
        int start = position();
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            result |= (long) (b & 0x7F) << shift;
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw malformedAt("integer representation too long", start);
                }
                int used = bits - shift;
                int unused = b & 0x7F & ~((1 << used) - 1);
                if (signed) {
                    boolean negative = (b & (1 << (used - 1))) != 0;
                    int expected = negative ? 0x7F & ~((1 << used) - 1) : 0;
                    if (unused != expected) {
                        throw malformedAt("integer too large", start);
                    }
                } else if (unused != 0) {
                    throw malformedAt("integer too large", start);
                }
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                if (signed && shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw new AssertionError("unreachable: the last byte either ends or throws");
    }

    int f32Bits() {
        int b0 = u8(), b1 = u8(), b2 = u8(), b3 = u8();
        return b0 | b1 << 8 | b2 << 16 | b3 << 24;
    }

    long f64Bits() {
        long low = f32Bits() & 0xFFFFFFFFL;
        long high = f32Bits() & 0xFFFFFFFFL;
        return low | high << 32;
    }

    /**
     * A vector length. It must fit in the remaining bytes given the minimum encoded size of an
     * element, so that no count a module merely declares makes us allocate or loop for nothing.
     */
    public int vectorLength(int minElementSize) {
        long length = u32AsLong();
        if (length * minElementSize > remaining()) {
            throw malformed(wholeModule ? "length out of bounds" : "unexpected end of section or function");
        }
        return (int) length;
    }

    public String name() {
        int length = vectorLength(1);
        int start = position();
        byte[] raw = bytes(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw malformedAt("malformed UTF-8 encoding", start);
        }
    }
}
