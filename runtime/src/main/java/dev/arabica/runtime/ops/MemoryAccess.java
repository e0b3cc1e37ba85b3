package dev.arabica.runtime.ops;

import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loads and stores of linear memory with WebAssembly's bounds rule: the effective address is the
 * unsigned 32-bit operand plus the unsigned offset, computed without wrapping, and the whole
 * access must lie inside the memory. Compiled code calls these; the JIT inlines them.
 */
public final class MemoryAccess {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MemoryAccess() {
    }

    private static int at(byte[] mem, int address, long offset, int size) {
        long effective = (address & 0xFFFFFFFFL) + offset;
        if (effective > mem.length - size) {
            throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        return (int) effective;
    }

    public static int i32Load(int address, byte[] mem, long offset) {
        return (int) INT.get(mem, at(mem, address, offset, 4));
    }

    public static long i64Load(int address, byte[] mem, long offset) {
        return (long) LONG.get(mem, at(mem, address, offset, 8));
    }

    public static float f32Load(int address, byte[] mem, long offset) {
        return Float.intBitsToFloat((int) INT.get(mem, at(mem, address, offset, 4)));
    }

    public static double f64Load(int address, byte[] mem, long offset) {
        return Double.longBitsToDouble((long) LONG.get(mem, at(mem, address, offset, 8)));
    }

    public static int i32Load8S(int address, byte[] mem, long offset) {
        return mem[at(mem, address, offset, 1)];
    }

    public static int i32Load8U(int address, byte[] mem, long offset) {
        return mem[at(mem, address, offset, 1)] & 0xFF;
    }

    public static int i32Load16S(int address, byte[] mem, long offset) {
        return (short) SHORT.get(mem, at(mem, address, offset, 2));
    }

    public static int i32Load16U(int address, byte[] mem, long offset) {
        return (short) SHORT.get(mem, at(mem, address, offset, 2)) & 0xFFFF;
    }

    public static long i64Load8S(int address, byte[] mem, long offset) {
        return mem[at(mem, address, offset, 1)];
    }

    public static long i64Load8U(int address, byte[] mem, long offset) {
        return mem[at(mem, address, offset, 1)] & 0xFFL;
    }

    public static long i64Load16S(int address, byte[] mem, long offset) {
        return (short) SHORT.get(mem, at(mem, address, offset, 2));
    }

    public static long i64Load16U(int address, byte[] mem, long offset) {
        return (short) SHORT.get(mem, at(mem, address, offset, 2)) & 0xFFFFL;
    }

    public static long i64Load32S(int address, byte[] mem, long offset) {
        return (int) INT.get(mem, at(mem, address, offset, 4));
    }

    public static long i64Load32U(int address, byte[] mem, long offset) {
        return (int) INT.get(mem, at(mem, address, offset, 4)) & 0xFFFFFFFFL;
    }

    public static void i32Store(int address, int value, byte[] mem, long offset) {
        INT.set(mem, at(mem, address, offset, 4), value);
    }

    public static void i64Store(int address, long value, byte[] mem, long offset) {
        LONG.set(mem, at(mem, address, offset, 8), value);
    }

    public static void f32Store(int address, float value, byte[] mem, long offset) {
        INT.set(mem, at(mem, address, offset, 4), Float.floatToRawIntBits(value));
    }

    public static void f64Store(int address, double value, byte[] mem, long offset) {
        LONG.set(mem, at(mem, address, offset, 8), Double.doubleToRawLongBits(value));
    }

    public static void i32Store8(int address, int value, byte[] mem, long offset) {
        mem[at(mem, address, offset, 1)] = (byte) value;
    }

    public static void i32Store16(int address, int value, byte[] mem, long offset) {
        SHORT.set(mem, at(mem, address, offset, 2), (short) value);
    }

    public static void i64Store8(int address, long value, byte[] mem, long offset) {
        mem[at(mem, address, offset, 1)] = (byte) value;
    }

    public static void i64Store16(int address, long value, byte[] mem, long offset) {
        SHORT.set(mem, at(mem, address, offset, 2), (short) value);
    }

    public static void i64Store32(int address, long value, byte[] mem, long offset) {
        INT.set(mem, at(mem, address, offset, 4), (int) value);
    }
}
