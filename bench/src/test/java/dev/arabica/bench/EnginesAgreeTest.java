package dev.arabica.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: every bench workload, run by the compiler and by the interpreter, gives the
 * same checksum and leaves the same bytes in memory.
 */
class EnginesAgreeTest {

    static Stream<Arguments> workloads() {
        return Workload.load(Path.of("workloads"), List.of()).stream().map(w -> Arguments.of(w.name(), w));
    }

    /** The checksum of a run at 1/1000 of the full scale, and the memory afterwards. */
    private record Outcome(long checksum, byte[] memory) {
    }

    private static Outcome run(Workload workload, ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine);
        Instance instance = new Linker(engine).instantiate(store, engine.compile(workload.wasm()));
        long checksum = instance.func("run").call(store, Value.i32(workload.scale(1000)))[0].asLong();
        return new Outcome(checksum, instance.memory("memory").bytes().clone());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void compilerAndInterpreterAgree(String name, Workload workload) {
        Outcome compiled = run(workload, ExecutionMode.COMPILER);
        Outcome interpreted = run(workload, ExecutionMode.INTERPRETER);
        assertThat(compiled.checksum()).isEqualTo(interpreted.checksum());
        assertThat(compiled.memory()).isEqualTo(interpreted.memory());
    }
}
