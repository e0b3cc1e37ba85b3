package dev.arabica.spectest;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.Extern;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Global;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.LinkException;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.runtime.Value;
import dev.arabica.text.wast.Action;
import dev.arabica.text.wast.Command;
import dev.arabica.text.wast.ModuleSource;
import dev.arabica.text.wast.ResultPattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Executes script commands with the interpreter, one store per script, with the {@code spectest} host module. */
public final class InterpreterHarness implements ExecutionHarness {

    /** The host object a script's {@code (ref.extern N)} stands for. */
    record HostRef(int payload) {
    }

    private final Engine engine;
    private final Store store;
    private final Linker linker;
    private final Map<String, Instance> instances = new HashMap<>();
    private final Map<String, CompiledModule> definitions = new HashMap<>();
    private Instance current;

    public InterpreterHarness(Engine engine) {
        this.engine = engine;
        this.store = new Store(engine);
        this.linker = new Linker(engine);
        SpectestModule.define(linker, store, engine);
    }

    @Override
    public Outcome module(Command.ModuleCommand command, Module module) {
        CompiledModule compiled = engine.compile(module);
        if (command.definition()) {
            definitions.put(command.id(), compiled);
            return Outcome.PASSED;
        }
        return instantiate(command.id(), compiled);
    }

    private Outcome instantiate(String id, CompiledModule compiled) {
        try {
            current = linker.instantiate(store, compiled);
        } catch (Trap | LinkException e) {
            return Outcome.failed("instantiation failed: " + e.getMessage());
        }
        if (id != null) {
            instances.put(id, current);
        }
        return Outcome.PASSED;
    }

    @Override
    public Outcome execute(Command command) {
        if (command instanceof Command.Register register) {
            Instance instance = instance(register.moduleId());
            linker.instance(register.as(), instance);
            return Outcome.PASSED;
        } else if (command instanceof Command.ModuleInstance instance) {
            CompiledModule definition = definitions.get(instance.definitionId());
            return definition == null ? Outcome.failed("unknown module definition " + instance.definitionId())
                    : instantiate(instance.instanceId(), definition);
        } else if (command instanceof Command.ActionCommand action) {
            perform(action.action());
            return Outcome.PASSED;
        } else if (command instanceof Command.AssertReturn assertion) {
            return Results.check(perform(assertion.action()), assertion.expected());
        } else if (command instanceof Command.AssertTrap assertion) {
            return assertTrap(assertion);
        } else if (command instanceof Command.AssertExhaustion assertion) {
            try {
                perform(assertion.action());
            } catch (Trap trap) {
                return trap.kind() == TrapKind.CALL_STACK_EXHAUSTED ? Outcome.PASSED
                        : Outcome.failed("trapped with \"" + trap.getMessage() + "\" instead of exhausting the stack");
            }
            return Outcome.failed("returned normally, expected \"" + assertion.message() + "\"");
        } else if (command instanceof Command.AssertUnlinkable assertion) {
            return assertUnlinkable(assertion.module(), assertion.message());
        } else if (command instanceof Command.AssertException) {
            return Outcome.skipped("exception handling is not supported yet");
        }
        return Outcome.skipped("not an execution command");
    }

    private Outcome assertTrap(Command.AssertTrap assertion) {
        try {
            if (assertion.module() != null) {
                linker.instantiate(store, engine.compile(assertion.module().toModule(engine.features())));
            } else {
                perform(assertion.action());
            }
        } catch (Trap trap) {
            return trap.getMessage().contains(assertion.message()) ? Outcome.PASSED
                    : Outcome.failed("trapped with \"" + trap.getMessage() + "\", expected \"" + assertion.message() + "\"");
        } catch (LinkException e) {
            return Outcome.failed("could not link: " + e.getMessage());
        }
        return Outcome.failed("did not trap, expected \"" + assertion.message() + "\"");
    }

    private Outcome assertUnlinkable(ModuleSource source, String message) {
        try {
            linker.instantiate(store, engine.compile(source.toModule(engine.features())));
        } catch (LinkException e) {
            return Outcome.PASSED;
        } catch (Trap trap) {
            return Outcome.failed("trapped with \"" + trap.getMessage() + "\", expected a link error \"" + message + "\"");
        }
        return Outcome.failed("linked, expected \"" + message + "\"");
    }

    private Instance instance(String id) {
        Instance instance = id == null ? current : instances.get(id);
        if (instance == null) {
            throw new IllegalStateException(id == null ? "no module instantiated yet" : "unknown module $" + id);
        }
        return instance;
    }

    private Value[] perform(Action action) {
        Instance instance = instance(action.moduleId());
        if (action instanceof Action.Get get) {
            Extern extern = instance.export(get.name()).orElseThrow(
                    () -> new IllegalStateException("no export \"" + get.name() + "\""));
            return new Value[] {((Global) extern).get()};
        }
        Action.Invoke invoke = (Action.Invoke) action;
        Func func = instance.func(invoke.name());
        List<ValType> params = func.type().params();
        Value[] args = new Value[invoke.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = Results.toValue(invoke.args().get(i), i < params.size() ? params.get(i) : null);
        }
        return func.call(store, args);
    }

    /** The host module the spec tests import from. */
    static final class SpectestModule {
        private SpectestModule() {
        }

        static void define(Linker linker, Store store, Engine engine) {
            List<List<ValType>> signatures = List.of(List.of(), List.of(ValType.I32), List.of(ValType.I64),
                    List.of(ValType.F32), List.of(ValType.F64), List.of(ValType.I32, ValType.F32),
                    List.of(ValType.F64, ValType.F64));
            for (List<ValType> params : signatures) {
                String name = params.isEmpty() ? "print" : "print_" + String.join("_",
                        params.stream().map(ValType::text).toList());
                linker.func(store, "spectest", name, new FuncType(params, List.of()), (caller, args) -> new Value[0]);
            }
            linker.define("spectest", "global_i32", new Global(GlobalType.of(NumType.I32, false), Value.i32(666)));
            linker.define("spectest", "global_i64", new Global(GlobalType.of(NumType.I64, false), Value.i64(666)));
            linker.define("spectest", "global_f32", new Global(GlobalType.of(NumType.F32, false), Value.f32(666.6f)));
            linker.define("spectest", "global_f64", new Global(GlobalType.of(NumType.F64, false), Value.f64(666.6)));
            Instance host = linker.instantiate(store, engine.compile(Module.builder()
                    .addTable(new dev.arabica.format.model.Table(new TableType(RefType.FUNCREF, Limits.of(10, 20)), null))
                    .addMemory(MemoryType.of(Limits.of(1, 2)))
                    .addExport(new dev.arabica.format.model.Export("table", dev.arabica.format.model.ExternalKind.TABLE, 0))
                    .addExport(new dev.arabica.format.model.Export("memory", dev.arabica.format.model.ExternalKind.MEMORY, 0))
                    .build()));
            linker.define("spectest", "table", host.table("table"));
            linker.define("spectest", "memory", host.memory("memory"));
        }
    }
}
