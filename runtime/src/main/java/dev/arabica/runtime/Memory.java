package dev.arabica.runtime;

import dev.arabica.format.model.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A linear memory: one byte array, accessed little-endian. Its size is limited to what one Java
 * array can hold; the store's memory cap is checked on creation and on every grow.
 */
public final class Memory implements Extern {

    public static final int PAGE_SIZE = 65536;
    /** The most pages one Java array can hold. */
    public static final long MAX_PAGES = (Integer.MAX_VALUE - 8) / PAGE_SIZE;

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryType type;
    private final Store store;
    private byte[] bytes;

    Memory(Store store, MemoryType type) {
        this.store = store;
        this.type = type;
        long pages = type.limits().min();
        if (pages > MAX_PAGES) {
            throw new LinkException("memory of " + pages + " pages is larger than this runtime supports ("
                    + MAX_PAGES + " pages)");
        }
        store.reserveMemory((long) pages * PAGE_SIZE);
        try {
            this.bytes = new byte[(int) pages * PAGE_SIZE];
        } catch (OutOfMemoryError e) {
            throw new LinkException("cannot allocate a memory of " + pages + " pages: the JVM heap is too small");
        }
    }

    public MemoryType type() {
        return type;
    }

    /** The current contents; the array is replaced when the memory grows. */
    public byte[] bytes() {
        return bytes;
    }

    public int pages() {
        return bytes.length / PAGE_SIZE;
    }

    /** The maximum number of pages this memory may grow to. */
    public long maxPages() {
        return Math.min(type.limits().max().orElse(65536), MAX_PAGES);
    }

    /** Grows by {@code delta} pages; returns the old size in pages, or -1 if the memory cannot grow. */
    public int grow(long delta) {
        int old = pages();
        if (delta < 0 || old + delta > maxPages()) {
            return -1;
        }
        if (!store.tryReserveMemory(delta * PAGE_SIZE)) {
            return store.refuseMemoryGrow(delta);
        }
        if (delta > 0) {
            byte[] grown;
            try {
                grown = new byte[(int) ((old + delta) * PAGE_SIZE)];
            } catch (OutOfMemoryError e) {
                store.releaseMemory(delta * PAGE_SIZE);
                return -1;
            }
            System.arraycopy(bytes, 0, grown, 0, bytes.length);
            bytes = grown;
        }
        return old;
    }

    public byte readByte(long address) {
        check(address, 1);
        return bytes[(int) address];
    }

    public int readInt(long address) {
        check(address, 4);
        return (int) INT.get(bytes, (int) address);
    }

    public long readLong(long address) {
        check(address, 8);
        return (long) LONG.get(bytes, (int) address);
    }

    public void writeByte(long address, byte value) {
        check(address, 1);
        bytes[(int) address] = value;
    }

    public void writeInt(long address, int value) {
        check(address, 4);
        INT.set(bytes, (int) address, value);
    }

    public void writeLong(long address, long value) {
        check(address, 8);
        LONG.set(bytes, (int) address, value);
    }

    public byte[] read(long address, int length) {
        check(address, length);
        byte[] result = new byte[length];
        System.arraycopy(bytes, (int) address, result, 0, length);
        return result;
    }

    public void write(long address, byte[] data) {
        check(address, data.length);
        System.arraycopy(data, 0, bytes, (int) address, data.length);
    }

    private void check(long address, long length) {
        if (address < 0 || length < 0 || address + length > bytes.length) {
            throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
    }
}
