package dev.arabica.wasi.preview1;

import dev.arabica.runtime.Caller;
import dev.arabica.runtime.Memory;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.runtime.Value;

/** The arguments of one WASI call, and the caller's memory, looked up when the call first needs it. */
final class Args {

    private final String function;
    private final Caller caller;
    private final Value[] values;
    private GuestMemory memory;

    Args(String function, Caller caller, Value[] values) {
        this.function = function;
        this.caller = caller;
        this.values = values;
    }

    int i32(int index) {
        return values[index].asInt();
    }

    long i64(int index) {
        return values[index].asLong();
    }

    /** The calling module's exported "memory"; a module without one cannot use WASI calls that take pointers. */
    GuestMemory memory() {
        if (memory == null) {
            Memory exported = caller.memory("memory").orElseThrow(() -> new Trap(TrapKind.HOST,
                    "WASI function " + function + " needs the calling module to export its memory as \"memory\""));
            memory = new GuestMemory(exported);
        }
        return memory;
    }
}
