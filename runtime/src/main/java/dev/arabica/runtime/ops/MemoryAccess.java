package dev.arabica.runtime.ops;

import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loads and stores of linear memory with WebAssembly's bounds rule: the effective address is the
 * unsigned 32-bit operand plus the unsigned offset, computed without wrapping, and the whole
 * access must lie inside the memory. Compiled code calls these with offsets below 2^31 (larger ones
 * can never be in bounds of a Java array); the JIT inlines them.
 *
 * <p>A memory is smaller than 2 GiB, so an address that is negative as a Java int is out of bounds,
 * and so is a sum that overflows. Everything else is left to the array's own bounds check, whose
 * exception becomes the trap: one unsigned comparison per access, which the JIT hoists out of loops
 * where it can.
 */
public final class MemoryAccess {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MemoryAccess() {
    }

    /**
     * The array index of the access. With offset 0 (a constant once inlined, so the test folds
     * away) a negative address is left to the array's own check.
     */
    static int at(int address, int offset) {
        int effective = address + offset;
        if (offset != 0 && (address | effective) < 0) {
            throw outOfBounds();
        }
        return effective;
    }

    public static Trap outOfBounds() {
        return new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }

    public static int i32Load(int address, byte[] mem, int offset) {
        try {
            return (int) INT.get(mem, at(address, offset));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long i64Load(int address, byte[] mem, int offset) {
        try {
            return (long) LONG.get(mem, at(address, offset));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static float f32Load(int address, byte[] mem, int offset) {
        try {
            return Float.intBitsToFloat((int) INT.get(mem, at(address, offset)));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static double f64Load(int address, byte[] mem, int offset) {
        try {
            return Double.longBitsToDouble((long) LONG.get(mem, at(address, offset)));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int i32Load8S(int address, byte[] mem, int offset) {
        try {
            return mem[at(address, offset)];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int i32Load8U(int address, byte[] mem, int offset) {
        try {
            return mem[at(address, offset)] & 0xFF;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int i32Load16S(int address, byte[] mem, int offset) {
        try {
            return (short) SHORT.get(mem, at(address, offset));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int i32Load16U(int address, byte[] mem, int offset) {
        try {
            return (short) SHORT.get(mem, at(address, offset)) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long i64Load8S(int address, byte[] mem, int offset) {
        try {
            return mem[at(address, offset)];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long i64Load8U(int address, byte[] mem, int offset) {
        try {
            return mem[at(address, offset)] & 0xFFL;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long i64Load16S(int address, byte[] mem, int offset) {
        try {
            return (short) SHORT.get(mem, at(address, offset));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long i64Load16U(int address, byte[] mem, int offset) {
        try {
            return (short) SHORT.get(mem, at(address, offset)) & 0xFFFFL;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long i64Load32S(int address, byte[] mem, int offset) {
        try {
            return (int) INT.get(mem, at(address, offset));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long i64Load32U(int address, byte[] mem, int offset) {
        try {
            return (int) INT.get(mem, at(address, offset)) & 0xFFFFFFFFL;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void i32Store(int address, int value, byte[] mem, int offset) {
        try {
            INT.set(mem, at(address, offset), value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void i64Store(int address, long value, byte[] mem, int offset) {
        try {
            LONG.set(mem, at(address, offset), value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void f32Store(int address, float value, byte[] mem, int offset) {
        try {
            INT.set(mem, at(address, offset), Float.floatToRawIntBits(value));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void f64Store(int address, double value, byte[] mem, int offset) {
        try {
            LONG.set(mem, at(address, offset), Double.doubleToRawLongBits(value));
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void i32Store8(int address, int value, byte[] mem, int offset) {
        try {
            mem[at(address, offset)] = (byte) value;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void i32Store16(int address, int value, byte[] mem, int offset) {
        try {
            SHORT.set(mem, at(address, offset), (short) value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void i64Store8(int address, long value, byte[] mem, int offset) {
        try {
            mem[at(address, offset)] = (byte) value;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void i64Store16(int address, long value, byte[] mem, int offset) {
        try {
            SHORT.set(mem, at(address, offset), (short) value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void i64Store32(int address, long value, byte[] mem, int offset) {
        try {
            INT.set(mem, at(address, offset), (int) value);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }
}
