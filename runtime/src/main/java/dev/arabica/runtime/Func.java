package dev.arabica.runtime;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * A function: defined by a WebAssembly instance or by the host. Calls from Java are checked
 * against the function's type.
 */
public abstract non-sealed class Func implements Extern {

    private final FuncType type;
    private final int canonicalType;
    private final int paramSlots;
    private final int resultSlots;
    private volatile MethodHandle handle;

    protected Func(FuncType type, int canonicalType) {
        this.type = type;
        this.canonicalType = canonicalType;
        this.paramSlots = slots(type.params());
        this.resultSlots = slots(type.results());
    }

    static int slots(List<ValType> types) {
        int slots = 0;
        for (ValType type : types) {
            slots += type == VecType.V128 ? 2 : 1;
        }
        return slots;
    }

    public FuncType type() {
        return type;
    }

    /** The engine-wide identity of the function's type, compared by {@code call_indirect}. */
    public int canonicalType() {
        return canonicalType;
    }

    public int paramSlots() {
        return paramSlots;
    }

    public int resultSlots() {
        return resultSlots;
    }

    /** The store whose machine the function runs on. */
    public abstract Store store();

    /**
     * The function as compiled code calls it: a method handle of type {@code (Instance caller,
     * params...) result} in JVM types (see {@code JvmTypes}); functions with several results return
     * them boxed in an {@code Object[]}. This default goes through the machine's slot stack.
     */
    public MethodHandle handle() {
        MethodHandle prepared = handle;
        if (prepared == null) {
            prepared = SlotCallAdapter.adapt(this);
            handle = prepared;
        }
        return prepared;
    }

    /**
     * Runs a JVM method of the shape {@link #handle()} describes, followed by {@code trailing}
     * parameters, through its spreader ({@link #spreader}), with {@code first} as its first
     * argument, then arguments taken from the machine's slots, then {@code trailing}; leaves its
     * results there.
     */
    protected final void invokeFromSlots(Machine machine, int base, MethodHandle spreader, Instance first,
            Object... trailing) {
        List<ValType> params = type.params();
        Object[] args = new Object[params.size() + 1 + trailing.length];
        args[0] = first;
        System.arraycopy(trailing, 0, args, params.size() + 1, trailing.length);
        int slot = base;
        for (int i = 0; i < params.size(); i++) {
            args[i + 1] = SlotCallAdapter.box(read(machine, slot, params.get(i)));
            slot += params.get(i) == VecType.V128 ? 2 : 1;
        }
        Object result;
        try {
            result = (Object) spreader.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        List<ValType> results = type.results();
        Object[] values = results.size() == 1 ? new Object[] {result} : (Object[]) result;
        slot = base;
        for (int i = 0; i < results.size(); i++) {
            slot = write(machine, slot, SlotCallAdapter.unbox(values[i], results.get(i)), results.get(i));
        }
    }

    /** {@code method} as a handle taking all its arguments boxed in one {@code Object[]}, for {@link #invokeFromSlots}. */
    protected static MethodHandle spreader(MethodHandle method) {
        return method.asSpreader(Object[].class, method.type().parameterCount())
                .asType(MethodType.methodType(Object.class, Object[].class));
    }

    /** Called through {@link #handle()}: runs the function with boxed arguments on its store's machine. */
    Object invokeBoxed(Instance caller, Object[] args) {
        Machine machine = store().machine;
        int base = machine.top();
        machine.ensure(base + Math.max(paramSlots, resultSlots));
        List<ValType> params = type.params();
        int slot = base;
        for (int i = 0; i < args.length; i++) {
            slot = write(machine, slot, SlotCallAdapter.unbox(args[i], params.get(i)), params.get(i));
        }
        machine.setCaller(caller);
        invoke(machine, base);
        List<ValType> results = type.results();
        if (results.isEmpty()) {
            return null;
        }
        Object[] boxed = new Object[results.size()];
        slot = base;
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = SlotCallAdapter.box(read(machine, slot, results.get(i)));
            slot += results.get(i) == VecType.V128 ? 2 : 1;
        }
        return boxed.length == 1 ? boxed[0] : boxed;
    }

    /**
     * Runs the function with its arguments on the machine's stack at {@code base}; leaves its
     * results at {@code base}.
     */
    public abstract void invoke(Machine machine, int base);

    /** Calls the function from Java in {@code store}; arguments must match the parameter types. */
    public Value[] call(Store store, Value... args) {
        List<ValType> params = type.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException("function of type " + type + " takes " + params.size()
                    + " arguments, got " + args.length);
        }
        boolean entered = store.enter();
        try {
            return callEntered(store, args);
        } finally {
            if (entered) {
                store.exit();
            }
        }
    }

    private Value[] callEntered(Store store, Value[] args) {
        List<ValType> params = type.params();
        Machine machine = store.machine;
        int base = machine.top();
        machine.ensure(base + Math.max(paramSlots, resultSlots));
        int slot = base;
        for (int i = 0; i < args.length; i++) {
            ValType expected = params.get(i);
            Value arg = args[i];
            if (!compatible(arg.type(), expected)) {
                throw new IllegalArgumentException("argument " + i + " of function of type " + type + " must be "
                        + expected + ", got " + arg.type());
            }
            slot = write(machine, slot, arg, expected);
        }
        int depth = machine.depth();
        machine.setCaller(null);
        try {
            store.checkBeforeCall();
            invoke(machine, base);
        } catch (StackOverflowError e) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        } finally {
            machine.setDepth(depth);
        }
        Value[] results = new Value[type.results().size()];
        slot = base;
        for (int i = 0; i < results.length; i++) {
            ValType resultType = type.results().get(i);
            results[i] = read(machine, slot, resultType);
            slot += resultType == VecType.V128 ? 2 : 1;
        }
        return results;
    }

    static boolean compatible(ValType actual, ValType expected) {
        if (expected instanceof RefType && actual instanceof RefType) {
            return true;
        }
        return actual.equals(expected);
    }

    static int write(Machine machine, int slot, Value value, ValType type) {
        if (type instanceof RefType) {
            machine.refs[slot] = value.ref();
            return slot + 1;
        }
        machine.stack[slot] = value.bits();
        if (type == VecType.V128) {
            machine.stack[slot + 1] = value.high();
            return slot + 2;
        }
        return slot + 1;
    }

    static Value read(Machine machine, int slot, ValType type) {
        if (type instanceof RefType) {
            return new Value(type, 0, 0, machine.refs[slot]);
        }
        if (type == VecType.V128) {
            return new Value(type, machine.stack[slot], machine.stack[slot + 1], null);
        }
        return new Value(type, machine.stack[slot], 0, null);
    }
}
