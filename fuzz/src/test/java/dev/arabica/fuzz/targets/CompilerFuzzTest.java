package dev.arabica.fuzz.targets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arabica.format.WasmFormatException;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.Extern;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.LinkException;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.StoreLimits;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.Value;
import dev.arabica.runtime.compiler.CompiledCode;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The bytecode compiler on every module the validator accepts: each function's class is generated,
 * loaded and initialised (so the JVM verifies it), then the module is instantiated with stub imports
 * and each exported function called with zero arguments. Rejections by the decoder or validator,
 * link errors (also the interpreter's, on a first call) and traps are fine; a VerifyError,
 * ClassFormatError or any other exception is a finding. Runaway guests stop at an epoch deadline;
 * guest memory and tables are capped by store limits. Each module's classes are also generated
 * and verified with a 32-byte method limit, which splits nearly every function into regions.
 */
class CompilerFuzzTest {

    private static final Engine ENGINE = Engine.builder().epochInterruption(true).build();
    private static final Engine SPLITTING = Engine.builder().epochInterruption(true).compiledMethodLimit(32).build();
    private static final StoreLimits LIMITS = StoreLimits.NONE.withMemoryBytes(64L << 20).withTableElements(1 << 20);

    static {
        Thread ticker = new Thread(CompilerFuzzTest::tick, "epoch-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    private static void tick() {
        while (true) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            ENGINE.incrementEpoch();
        }
    }

    @FuzzTest
    void compile(byte[] bytes) throws ReflectiveOperationException {
        CompiledModule compiled;
        try {
            compiled = ENGINE.compile(bytes);
        } catch (WasmFormatException rejected) {
            return;
        }
        generateAllCode(compiled);
        generateAllCode(SPLITTING.compile(bytes));
        run(compiled);
    }

    private static void generateAllCode(CompiledModule compiled) throws ReflectiveOperationException {
        CompiledCode code = compiled.code();
        Module module = compiled.module();
        int imported = module.imports(ExternalKind.FUNC).size();
        for (int index = imported; index < imported + module.functions().size(); index++) {
            if (code.isCompiled(index)) {
                MethodHandle method = code.method(index);
                // Looking a method up does not link its class; initialising it makes the JVM verify it now.
                Class<?> generated = MethodHandles.publicLookup().revealDirect(method).getDeclaringClass();
                Class.forName(generated.getName(), true, generated.getClassLoader());
            }
        }
    }

    private static void run(CompiledModule compiled) {
        Store store = new Store(ENGINE, LIMITS);
        store.setEpochDeadline(2);
        Instance instance;
        try {
            instance = stubImports(store, compiled).instantiate(store, compiled);
        } catch (LinkException | Trap refused) {
            return;
        }
        for (Extern export : instance.exports().values()) {
            if (export instanceof Func func) {
                store.setEpochDeadline(2);
                try {
                    func.call(store, zeros(func.type().params()));
                } catch (Trap expected) {
                    // Traps are the guest's business; only how they are raised is under test.
                } catch (LinkException pastLimit) {
                    // The interpreter prepares a function on its first call and may refuse it then (too many locals).
                }
            }
        }
    }

    /** Function imports answer with zeros; other imports are left out and fail to link. */
    private static Linker stubImports(Store store, CompiledModule compiled) {
        Linker linker = new Linker(ENGINE);
        Module module = compiled.module();
        for (Import entry : module.imports()) {
            if (entry.type() instanceof ExternType.Func f) {
                FuncType type = (FuncType) module.types().get(f.typeIndex()).compType();
                linker.func(store, entry.module(), entry.name(), type, (caller, args) -> zeros(type.results()));
            }
        }
        return linker;
    }

    private static Value[] zeros(List<ValType> types) {
        return types.stream().map(Value::zero).toArray(Value[]::new);
    }
}
