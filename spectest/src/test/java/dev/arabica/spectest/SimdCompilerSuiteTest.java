package dev.arabica.spectest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Module;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.text.wast.Command;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The SIMD scripts of the 2.0 suite with the compiler: every command passes, and every function of
 * every module they instantiate is compiled (its class generated), none left to the interpreter.
 */
class SimdCompilerSuiteTest {

    /** Instantiates through the usual harness after checking that the module's functions compile. */
    private static final class CompilingHarness implements ExecutionHarness {

        private final Engine engine;
        private final ExecutionHarness delegate;
        private final AtomicInteger compiledFunctions;

        CompilingHarness(Engine engine, AtomicInteger compiledFunctions) {
            this.engine = engine;
            this.delegate = new InterpreterHarness(engine);
            this.compiledFunctions = compiledFunctions;
        }

        @Override
        public Outcome module(Command.ModuleCommand command, Module module) {
            CompiledModule compiled = engine.compile(module);
            int imported = module.imports(ExternalKind.FUNC).size();
            for (int i = imported; i < imported + module.functions().size(); i++) {
                if (!compiled.code().isCompiled(i)) {
                    return Outcome.failed("function " + i + " is left to the interpreter");
                }
                compiled.code().method(i);
                compiledFunctions.incrementAndGet();
            }
            return delegate.module(command, module);
        }

        @Override
        public Outcome execute(Command command) {
            return delegate.execute(command);
        }
    }

    @Test
    void everySimdCommandPassesWithEveryFunctionCompiled() {
        List<Path> scripts = SuiteRunner.scriptsUnder(Wasm2SuiteTest.suite("wasm-2.0")).stream()
                .filter(script -> script.getFileName().toString().startsWith("simd_"))
                .toList();
        Engine engine = Engine.builder().mode(ExecutionMode.COMPILER).build();
        AtomicInteger compiledFunctions = new AtomicInteger();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<SuiteResult> results = new SuiteRunner(new ScriptRunner(() -> new CompilingHarness(engine, compiledFunctions)),
                new PrintStream(log, true, StandardCharsets.UTF_8), false).run(scripts);
        Tally total = new Tally();
        results.forEach(r -> total.add(r.total()));
        assertThat(scripts).hasSize(58);
        assertThat(total.failed()).as("failures:\n%s", log.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(total.skipped()).isZero();
        assertThat(total.passed()).isEqualTo(25_988);
        assertThat(compiledFunctions.get()).isEqualTo(1_689);
    }
}
