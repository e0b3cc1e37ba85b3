package dev.arabica.fuzz;

import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Module;
import dev.arabica.fuzz.generate.Fuel;
import dev.arabica.fuzz.Observation.Outcome;
import dev.arabica.fuzz.Observation.TracedCall;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Memory;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.StoreLimits;
import dev.arabica.runtime.Table;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a module's call plan in one engine, in a fresh engine and store, and records what happened. */
final class EngineRunner {

    /** Store caps, so that absurd grows fail (returning -1) instead of allocating gigabytes. */
    private static final StoreLimits LIMITS = StoreLimits.NONE.withMemoryBytes(32L * Memory.PAGE_SIZE)
            .withTableElements(100_000);

    private EngineRunner() {
    }

    /**
     * Compiles {@code wasm} (which throws if it is invalid) and runs {@code plan} in engine
     * {@code mode}; with {@code epochChecks}, code checks an epoch deadline that never comes, which
     * changes the code both engines run but must not change what it does.
     */
    static Observation run(byte[] wasm, ExecutionMode mode, boolean epochChecks, CallPlan plan) {
        Engine engine = Engine.builder().mode(mode).epochInterruption(epochChecks).build();
        CompiledModule compiled = engine.compile(wasm);
        Module module = compiled.module();
        int functionCount = module.importCount(ExternalKind.FUNC) + module.functions().size();
        Store store = new Store(engine, LIMITS);
        Linker linker = new Linker(engine);
        HostEnvironment host = new HostEnvironment(linker, store);

        Instance instance;
        try {
            instance = linker.instantiate(store, compiled);
        } catch (Trap trap) {
            return new Observation(Outcome.trapped(trap.kind(), -1), List.of(), trace(host, null, 0), null, List.of(),
                    List.of());
        } catch (Throwable e) {
            return new Observation(Outcome.crashed(describe(rethrowFatal(e))), List.of(), trace(host, null, 0), null,
                    List.of(), List.of());
        }
        Outcome instantiation = Outcome.returned(List.of(), fuelLeft(instance));

        List<Outcome> calls = new ArrayList<>();
        for (CallPlan.PlannedCall call : plan.calls()) {
            instance.global(Fuel.EXPORT).set(Value.i32(Fuel.BUDGET));
            calls.add(call(instance, store, call, functionCount));
        }
        return new Observation(instantiation, calls, trace(host, instance, functionCount), memory(instance),
                globals(instance, module, functionCount), tables(instance, module, functionCount));
    }

    private static Outcome call(Instance instance, Store store, CallPlan.PlannedCall call, int functionCount) {
        try {
            Value[] results = instance.func(call.export()).call(store, call.argsFor(instance));
            List<Observed> observed = new ArrayList<>();
            for (Value result : results) {
                observed.add(Observed.of(result, instance, functionCount));
            }
            return Outcome.returned(observed, fuelLeft(instance));
        } catch (Trap trap) {
            return Outcome.trapped(trap.kind(), fuelLeft(instance));
        } catch (Throwable e) {
            return Outcome.crashed(describe(rethrowFatal(e)));
        }
    }

    private static int fuelLeft(Instance instance) {
        return instance.global(Fuel.EXPORT).get().asInt();
    }

    /** Engine failures are recorded as crashes; the JVM running out of memory ends the run instead. */
    private static Throwable rethrowFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
        return e;
    }

    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.toString());
        StackTraceElement[] stack = e.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 4); i++) {
            out.append("\n    at ").append(stack[i]);
        }
        return out.toString();
    }

    private static List<TracedCall> trace(HostEnvironment host, Instance instance, int functionCount) {
        List<TracedCall> trace = new ArrayList<>();
        for (HostEnvironment.HostCall call : host.trace()) {
            trace.add(new TracedCall(call.name(),
                    call.args().stream().map(arg -> Observed.of(arg, instance, functionCount)).toList()));
        }
        return trace;
    }

    private static byte[] memory(Instance instance) {
        Memory memory = instance.defaultMemory();
        return memory == null ? null : Arrays.copyOf(memory.bytes(), memory.bytes().length);
    }

    private static List<Observed> globals(Instance instance, Module module, int functionCount) {
        int count = module.importCount(ExternalKind.GLOBAL) + module.globals().size();
        List<Observed> globals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            globals.add(Observed.of(instance.globalAt(i).get(), instance, functionCount));
        }
        return globals;
    }

    private static List<List<Observed>> tables(Instance instance, Module module, int functionCount) {
        int count = module.importCount(ExternalKind.TABLE) + module.tables().size();
        List<List<Observed>> tables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Table table = instance.tableAt(i);
            List<Observed> elements = new ArrayList<>();
            for (int j = 0; j < table.size(); j++) {
                elements.add(Observed.of(Value.ref(table.type().elementType(), table.get(j)), instance, functionCount));
            }
            tables.add(elements);
        }
        return tables;
    }
}
