package dev.arabica.runtime.compiler;

import dev.arabica.format.model.FuncType;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Machine;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.ops.FuelTank;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A function compiled to a JVM method, looked up the first time it is called from outside compiled
 * code. Calls from the slot-stack world are adapted by the base class.
 */
public final class CompiledFunc extends Func {

    private static final MethodHandle MACHINE_DEPTH;
    private static final MethodHandle FUEL_REMAINING;

    static {
        try {
            MACHINE_DEPTH = MethodHandles.publicLookup().findVirtual(Machine.class, "depth",
                    MethodType.methodType(int.class));
            FUEL_REMAINING = MethodHandles.publicLookup().findVirtual(FuelTank.class, "remaining",
                    MethodType.methodType(long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CompiledCode code;
    private final int index;
    private Instance instance;
    private volatile MethodHandle method;
    private volatile MethodHandle bound;
    private volatile MethodHandle spreader;

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

    /**
     * The compiled method in the public shape {@code (Instance, params...)}: the call depth and fuel
     * it takes last are read from the store's machine and fuel tank, where callers outside compiled
     * code keep them.
     */
    private MethodHandle method() {
        MethodHandle resolved = method;
        if (resolved == null) {
            int depthPosition = type().params().size() + 1;
            resolved = code.method(index);
            if (instance.module().engine().consumesFuel()) {
                resolved = MethodHandles.collectArguments(resolved, depthPosition + 1,
                        FUEL_REMAINING.bindTo(instance.fuelTank()));
            }
            resolved = MethodHandles.collectArguments(resolved, depthPosition, MACHINE_DEPTH.bindTo(instance.machine()));
            method = resolved;
        }
        return resolved;
    }

    /**
     * Called by the interpreter and from Java. Compiled code leaves its own depth in the machine
     * when it calls out, so the caller's is put back afterwards.
     */
    @Override
    public void invoke(Machine machine, int base) {
        int previousTop = machine.reserve(base + Math.max(paramSlots(), resultSlots()));
        int callerDepth = machine.depth();
        try {
            MethodHandle spread = spreader;
            if (spread == null) {
                spread = spreader(code.method(index));
                spreader = spread;
            }
            if (instance.module().engine().consumesFuel()) {
                invokeFromSlots(machine, base, spread, instance, callerDepth, instance.fuelTank().remaining());
            } else {
                invokeFromSlots(machine, base, spread, instance, callerDepth);
            }
        } finally {
            machine.reserve(previousTop);
            machine.setDepth(callerDepth);
        }
    }
}
