package dev.arabica.runtime.ops;

import dev.arabica.runtime.Table;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import java.util.Arrays;

/** The bulk memory and table operations: bounds checked as a whole before anything is written. */
public final class Bulk {

    private Bulk() {
    }

    private static void check(long offset, long length, long size, TrapKind kind) {
        if (offset + length > size) {
            throw new Trap(kind);
        }
    }

    public static void fill(byte[] mem, long destination, byte value, long length) {
        check(destination, length, mem == null ? 0 : mem.length, TrapKind.MEMORY_OUT_OF_BOUNDS);
        Arrays.fill(mem, (int) destination, (int) (destination + length), value);
    }

    public static void copy(byte[] mem, long destination, long source, long length) {
        long size = mem == null ? 0 : mem.length;
        check(destination, length, size, TrapKind.MEMORY_OUT_OF_BOUNDS);
        check(source, length, size, TrapKind.MEMORY_OUT_OF_BOUNDS);
        System.arraycopy(mem, (int) source, mem, (int) destination, (int) length);
    }

    public static void init(byte[] mem, long destination, byte[] data, long source, long length) {
        check(destination, length, mem == null ? 0 : mem.length, TrapKind.MEMORY_OUT_OF_BOUNDS);
        check(source, length, data.length, TrapKind.MEMORY_OUT_OF_BOUNDS);
        System.arraycopy(data, (int) source, mem, (int) destination, (int) length);
    }

    public static void fill(Table table, long destination, Object value, long length) {
        check(destination, length, table.size(), TrapKind.TABLE_OUT_OF_BOUNDS);
        for (long i = 0; i < length; i++) {
            table.set(destination + i, value);
        }
    }

    public static void copy(Table destination, long to, Table source, long from, long length) {
        check(to, length, destination.size(), TrapKind.TABLE_OUT_OF_BOUNDS);
        check(from, length, source.size(), TrapKind.TABLE_OUT_OF_BOUNDS);
        Object[] values = new Object[(int) length];
        for (int i = 0; i < length; i++) {
            values[i] = source.get(from + i);
        }
        for (int i = 0; i < length; i++) {
            destination.set(to + i, values[i]);
        }
    }

    public static void init(Table table, long destination, Object[] elements, long source, long length) {
        check(destination, length, table.size(), TrapKind.TABLE_OUT_OF_BOUNDS);
        check(source, length, elements.length, TrapKind.TABLE_OUT_OF_BOUNDS);
        for (int i = 0; i < length; i++) {
            table.set(destination + i, elements[(int) source + i]);
        }
    }
}
