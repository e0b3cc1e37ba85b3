package dev.arabica.runtime.compiler;

import dev.arabica.format.model.FuncType;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Machine;
import dev.arabica.runtime.Store;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A function compiled to a JVM method, looked up the first time it is called from outside compiled
 * code. Calls from the slot-stack world are adapted by the base class.
 */
public final class CompiledFunc extends Func {

    private final CompiledCode code;
    private final int index;
    private Instance instance;
    private volatile MethodHandle method;
    private volatile MethodHandle bound;

    public CompiledFunc(FuncType type, int canonicalType, CompiledCode code, int index) {
        super(type, canonicalType);
        this.code = code;
        this.index = index;
    }

    public void bind(Instance instance) {
        this.instance = instance;
    }

    int index() {
        return index;
    }

    Instance instance() {
        return instance;
    }

    @Override
    public Store store() {
        return instance.store();
    }

    @Override
    public MethodHandle handle() {
        MethodHandle handle = bound;
        if (handle == null) {
            handle = MethodHandles.dropArguments(MethodHandles.insertArguments(method(), 0, instance), 0,
                    Instance.class);
            bound = handle;
        }
        return handle;
    }

    private MethodHandle method() {
        MethodHandle resolved = method;
        if (resolved == null) {
            resolved = code.method(index);
            method = resolved;
        }
        return resolved;
    }

    @Override
    public void invoke(Machine machine, int base) {
        int previousTop = machine.reserve(base + Math.max(paramSlots(), resultSlots()));
        try {
            invokeFromSlots(machine, base, method(), instance);
        } finally {
            machine.reserve(previousTop);
        }
    }
}
