package dev.arabica.runtime;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.lang.invoke.MethodHandle;
import java.util.List;

/** A function implemented by the host, adapted to the machine's calling convention. */
public final class HostFunc extends Func {

    private final HostFunction body;
    private final Store store;
    private MethodHandle directHandle;

    HostFunc(Store store, FuncType type, int canonicalType, HostFunction body) {
        super(type, canonicalType);
        this.store = store;
        this.body = body;
    }

    @Override
    public Store store() {
        return store;
    }

    /** A typed lambda is called by compiled code directly; other host functions through the slot stack. */
    @Override
    public MethodHandle handle() {
        if (body instanceof TypedHostFunction typed) {
            MethodHandle direct = directHandle;
            if (direct == null) {
                direct = typed.compiledShape(store, SlotCallAdapter.methodType(type()));
                directHandle = direct;
            }
            return direct;
        }
        return super.handle();
    }

    @Override
    public void invoke(Machine machine, int base) {
        List<ValType> params = type().params();
        Value[] args = new Value[params.size()];
        int slot = base;
        for (int i = 0; i < args.length; i++) {
            args[i] = read(machine, slot, params.get(i));
            slot += params.get(i) == VecType.V128 ? 2 : 1;
        }
        Caller caller = new Caller(store, machine.caller());
        int previousTop = machine.reserve(base + Math.max(paramSlots(), resultSlots()));
        Value[] results;
        try {
            results = body.apply(caller, args);
        } finally {
            machine.reserve(previousTop);
        }
        List<ValType> types = type().results();
        if (results == null ? !types.isEmpty() : results.length != types.size()) {
            throw new IllegalStateException("host function of type " + type() + " returned "
                    + (results == null ? 0 : results.length) + " results");
        }
        for (int i = 0; i < types.size(); i++) {
            if (!compatible(results[i].type(), types.get(i))) {
                throw new IllegalStateException("host function of type " + type() + " returned " + results[i].type()
                        + " as result " + i);
            }
        }
        slot = base;
        for (int i = 0; i < types.size(); i++) {
            slot = write(machine, slot, results[i], types.get(i));
        }
    }
}
