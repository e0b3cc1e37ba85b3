package dev.arabica.runtime.ops;

import dev.arabica.format.model.V128;
import java.util.Objects;

/**
 * Vector loads and stores, with the bounds rule of {@link MemoryAccess}: accesses of 8 bytes or
 * fewer are its scalar accesses; a whole vector is checked before it is read or written, so that a
 * store that does not fit changes nothing.
 */
public final class VectorMemory {

    private VectorMemory() {
    }

    /** The array index of a 16-byte access that lies inside the memory. */
    private static int vectorAt(int address, byte[] mem, int offset) {
        try {
            return Objects.checkFromIndexSize(MemoryAccess.at(address, offset), 16, mem.length);
        } catch (IndexOutOfBoundsException e) {
            throw MemoryAccess.outOfBounds();
        }
    }

    public static V128 load(int address, byte[] mem, int offset) {
        int at = vectorAt(address, mem, offset);
        return new V128((long) MemoryAccess.LONG.get(mem, at), (long) MemoryAccess.LONG.get(mem, at + 8));
    }

    public static void store(int address, V128 value, byte[] mem, int offset) {
        int at = vectorAt(address, mem, offset);
        MemoryAccess.LONG.set(mem, at, value.low());
        MemoryAccess.LONG.set(mem, at + 8, value.high());
    }

    public static V128 load8x8S(int address, byte[] mem, int offset) {
        return extend(MemoryAccess.i64Load(address, mem, offset), 8, true);
    }

    public static V128 load8x8U(int address, byte[] mem, int offset) {
        return extend(MemoryAccess.i64Load(address, mem, offset), 8, false);
    }

    public static V128 load16x4S(int address, byte[] mem, int offset) {
        return extend(MemoryAccess.i64Load(address, mem, offset), 16, true);
    }

    public static V128 load16x4U(int address, byte[] mem, int offset) {
        return extend(MemoryAccess.i64Load(address, mem, offset), 16, false);
    }

    public static V128 load32x2S(int address, byte[] mem, int offset) {
        return extend(MemoryAccess.i64Load(address, mem, offset), 32, true);
    }

    public static V128 load32x2U(int address, byte[] mem, int offset) {
        return extend(MemoryAccess.i64Load(address, mem, offset), 32, false);
    }

    /** The lanes of {@code width} bits packed in {@code packed}, each extended to twice its width. */
    private static V128 extend(long packed, int width, boolean signed) {
        long m = Lanes.mask(width);
        return Lanes.build(2 * width, i -> {
            long lane = (packed >>> (i * width)) & m;
            return signed ? Lanes.signed(lane, width) : lane;
        });
    }

    public static V128 load8Splat(int address, byte[] mem, int offset) {
        return VectorLanes.splat(MemoryAccess.i32Load8U(address, mem, offset), 8);
    }

    public static V128 load16Splat(int address, byte[] mem, int offset) {
        return VectorLanes.splat(MemoryAccess.i32Load16U(address, mem, offset), 16);
    }

    public static V128 load32Splat(int address, byte[] mem, int offset) {
        return VectorLanes.splat(MemoryAccess.i32Load(address, mem, offset), 32);
    }

    public static V128 load64Splat(int address, byte[] mem, int offset) {
        return VectorLanes.splat(MemoryAccess.i64Load(address, mem, offset));
    }

    public static V128 load32Zero(int address, byte[] mem, int offset) {
        return new V128(MemoryAccess.i64Load32U(address, mem, offset), 0);
    }

    public static V128 load64Zero(int address, byte[] mem, int offset) {
        return new V128(MemoryAccess.i64Load(address, mem, offset), 0);
    }

    public static V128 load8Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        return VectorLanes.replaceLane(vector, MemoryAccess.i32Load8U(address, mem, offset), lane, 8);
    }

    public static V128 load16Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        return VectorLanes.replaceLane(vector, MemoryAccess.i32Load16U(address, mem, offset), lane, 16);
    }

    public static V128 load32Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        return VectorLanes.replaceLane(vector, MemoryAccess.i32Load(address, mem, offset), lane, 32);
    }

    public static V128 load64Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        return VectorLanes.replaceLane(vector, MemoryAccess.i64Load(address, mem, offset), lane);
    }

    public static void store8Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        MemoryAccess.i32Store8(address, VectorLanes.extractLaneU(vector, lane, 8), mem, offset);
    }

    public static void store16Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        MemoryAccess.i32Store16(address, VectorLanes.extractLaneU(vector, lane, 16), mem, offset);
    }

    public static void store32Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        MemoryAccess.i32Store(address, VectorLanes.extractLaneU(vector, lane, 32), mem, offset);
    }

    public static void store64Lane(int address, V128 vector, byte[] mem, int offset, int lane) {
        MemoryAccess.i64Store(address, VectorLanes.extractLaneI64(vector, lane), mem, offset);
    }
}
