package dev.arabica.wasi.preview1;

import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.wasi.WasiExit;

/** {@code proc_exit}, {@code proc_raise}, {@code random_get} and {@code sched_yield}. */
final class ProcessCalls {

    private static final int RANDOM_CHUNK = 64 * 1024;

    private final WasiContext context;

    ProcessCalls(WasiContext context) {
        this.context = context;
    }

    void register(Registry registry) {
        registry.addWithoutResult("proc_exit", "i", a -> {
            throw new WasiExit(a.i32(0));
        });
        registry.add("proc_raise", "i", a -> {
            throw new Trap(TrapKind.HOST, "proc_raise(" + a.i32(0) + "): raising signals is not supported");
        });
        registry.add("random_get", "ii", a -> randomGet(a.memory(), a.i32(0), a.i32(1)));
        registry.add("sched_yield", "", a -> {
            Thread.yield();
            return 0;
        });
    }

    private int randomGet(GuestMemory memory, int buffer, int length) {
        int start = memory.offset(buffer, Integer.toUnsignedLong(length));
        byte[] chunk = new byte[(int) Math.min(RANDOM_CHUNK, Integer.toUnsignedLong(length))];
        long remaining = Integer.toUnsignedLong(length);
        int position = start;
        while (remaining > 0) {
            int count = (int) Math.min(chunk.length, remaining);
            context.capabilities().random().nextBytes(chunk);
            System.arraycopy(chunk, 0, memory.array(), position, count);
            position += count;
            remaining -= count;
        }
        return 0;
    }
}
