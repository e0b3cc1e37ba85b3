package dev.arabica.spectest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both engines run the whole WebAssembly 2.0 suite, and the compiler again with functions split
 * into methods of at most 16 bytes of bytecode: every command passes, none is skipped.
 */
class ExecutionSuiteTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void everyWasm2CommandPasses(ExecutionMode mode) {
        runsTheWholeSuite(Engine.builder().mode(mode).build());
    }

    @Test
    void everyWasm2CommandPassesWithFunctionsSplitIntoTinyMethods() {
        runsTheWholeSuite(Engine.builder().mode(ExecutionMode.COMPILER).compiledMethodLimit(16).build());
    }

    private static void runsTheWholeSuite(Engine engine) {
        List<Path> scripts = SuiteRunner.scriptsUnder(Wasm2SuiteTest.suite("wasm-2.0"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<SuiteResult> results = new SuiteRunner(new ScriptRunner(() -> new InterpreterHarness(engine)),
                new PrintStream(log, true, StandardCharsets.UTF_8), false).run(scripts);
        Tally total = new Tally();
        results.forEach(r -> total.add(r.total()));
        assertThat(scripts).hasSize(148);
        assertThat(total.failed()).as("failures:\n%s", log.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(total.skipped()).isZero();
        assertThat(total.passed()).isEqualTo(54_006);
    }
}
