package dev.arabica.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/** Chicory, the other JVM runtime, with its interpreter or its compiler to bytecode. */
final class ChicoryContender implements Contender {

    private final boolean compiled;

    ChicoryContender(boolean compiled) {
        this.compiled = compiled;
    }

    @Override
    public String name() {
        return compiled ? "chicory-compiler" : "chicory-interpreter";
    }

    @Override
    public Prepared prepare(Workload workload) {
        WasmModule module = Parser.parse(workload.wasm());
        Instance.Builder builder = Instance.builder(module);
        if (compiled) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        ExportFunction run = builder.build().export("run");
        return scale -> Timed.measure(s -> run.apply(s)[0], scale);
    }
}
