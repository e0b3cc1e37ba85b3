package dev.arabica.runtime.compiler;

import dev.arabica.format.model.FuncType;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Machine;
import dev.arabica.runtime.Store;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/** A function compiled to a JVM method. Calls from the slot-stack world are adapted by the base class. */
public final class CompiledFunc extends Func {

    private final MethodHandle method;
    private Instance instance;
    private MethodHandle bound;

    public CompiledFunc(FuncType type, int canonicalType, MethodHandle method) {
        super(type, canonicalType);
        this.method = method;
    }

    public void bind(Instance instance) {
        this.instance = instance;
        this.bound = MethodHandles.dropArguments(MethodHandles.insertArguments(method, 0, instance), 0, Instance.class);
    }

    @Override
    public Store store() {
        return instance.store();
    }

    @Override
    public MethodHandle handle() {
        return bound;
    }

    @Override
    public void invoke(Machine machine, int base) {
        int previousTop = machine.reserve(base + Math.max(paramSlots(), resultSlots()));
        try {
            invokeFromSlots(machine, base, method, instance);
        } finally {
            machine.reserve(previousTop);
        }
    }
}
