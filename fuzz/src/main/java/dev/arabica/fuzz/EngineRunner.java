package dev.arabica.fuzz;

import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Module;
import dev.arabica.fuzz.generate.Fuel;
import dev.arabica.fuzz.generate.Rng;
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
     * How both engines are built for a seed. Epoch checks (against a deadline that never comes) and
     * fuel metering change the code the engines run but must not change what it does; metered
     * stores get a fuel grant before instantiation and each call, unlimited or small enough that
     * some calls run out.
     */
    record Configuration(boolean epochChecks, boolean meterFuel, long fuelGrant, int compiledMethodLimit) {

        private static final long UNLIMITED = 1L << 60;
        private static final int DEFAULT_METHOD_LIMIT = 8_000;

        /**
         * The seed's low bits choose: bit 0 epoch checks, bit 1 fuel metering, bit 2 a limited
         * grant, bit 3 a compiled method limit so small that the compiler splits most functions.
         */
        static Configuration forSeed(long seed) {
            boolean meterFuel = (seed & 2) != 0;
            long grant = (seed & 4) != 0 ? new Rng(seed ^ 0xF0E1L).between(50, 20_000) : UNLIMITED;
            int methodLimit = (seed & 8) != 0 ? (int) new Rng(seed ^ 0x5EEDL).between(16, 400) : DEFAULT_METHOD_LIMIT;
            return new Configuration((seed & 1) != 0, meterFuel, meterFuel ? grant : 0, methodLimit);
        }
    }

    /** Compiles {@code wasm} (which throws if it is invalid) and runs {@code plan} in engine {@code mode}. */
    static Observation run(byte[] wasm, ExecutionMode mode, Configuration configuration, CallPlan plan) {
        Engine engine = Engine.builder().mode(mode).epochInterruption(configuration.epochChecks())
                .consumeFuel(configuration.meterFuel()).compiledMethodLimit(configuration.compiledMethodLimit()).build();
        CompiledModule compiled = engine.compile(wasm);
        Module module = compiled.module();
        int functionCount = module.importCount(ExternalKind.FUNC) + module.functions().size();
        Store store = new Store(engine, LIMITS);
        Linker linker = new Linker(engine);
        HostEnvironment host = new HostEnvironment(linker, store);

        Instance instance;
        refuel(store, configuration);
        try {
            instance = linker.instantiate(store, compiled);
        } catch (Trap trap) {
            return new Observation(Outcome.trapped(trap.kind(), -1, storeFuel(store)), List.of(), trace(host, null, 0),
                    null, List.of(), List.of());
        } catch (Throwable e) {
            return new Observation(Outcome.crashed(describe(rethrowFatal(e))), List.of(), trace(host, null, 0), null,
                    List.of(), List.of());
        }
        Outcome instantiation = Outcome.returned(List.of(), fuelLeft(instance), storeFuel(store));

        List<Outcome> calls = new ArrayList<>();
        for (CallPlan.PlannedCall call : plan.calls()) {
            instance.global(Fuel.EXPORT).set(Value.i32(Fuel.BUDGET));
            refuel(store, configuration);
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
            return Outcome.returned(observed, fuelLeft(instance), storeFuel(store));
        } catch (Trap trap) {
            return Outcome.trapped(trap.kind(), fuelLeft(instance), storeFuel(store));
        } catch (Throwable e) {
            return Outcome.crashed(describe(rethrowFatal(e)));
        }
    }

    private static void refuel(Store store, Configuration configuration) {
        if (configuration.meterFuel()) {
            store.setFuel(configuration.fuelGrant());
        }
    }

    /** The store's metered fuel left, or -1 when the engine does not meter fuel. */
    private static long storeFuel(Store store) {
        return store.engine().consumesFuel() ? store.fuel() : -1;
    }

    /** The generated module's own fuel global (see the generator's {@code Fuel}), not the store's fuel. */
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
