package dev.arabica.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the WASI test programs of {@code src/test/programs} (built into
 * {@code src/test/resources/programs}) as listed in its MANIFEST.tsv, in both engines, and checks
 * their exit codes and standard output.
 */
class ProgramsTest {

    static final Path PROGRAMS = Path.of("src/test/resources/programs");

    /** One line of the manifest. */
    record Case(String name, String program, int exit, List<String> args, List<String> env, String stdin,
            String stdoutFile) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        List<String> lines = Files.readAllLines(PROGRAMS.resolve("MANIFEST.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            Case entry = new Case(columns[0], columns[1], Integer.parseInt(columns[2]), words(columns[3], " "),
                    words(columns[4], ";"), columns[5].replace("\\n", "\n"), columns[6]);
            for (ExecutionMode mode : ExecutionMode.values()) {
                all.add(Arguments.of(entry, mode));
            }
        }
        return all.stream();
    }

    private static List<String> words(String column, String separator) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split(separator));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void runs(Case entry, ExecutionMode mode, @TempDir Path sandbox) throws IOException {
        List<String> arguments = new ArrayList<>();
        arguments.add(entry.program());
        arguments.addAll(entry.args());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Wasi.Builder builder = Wasi.builder().arguments(arguments).stdin(entry.stdin().getBytes(StandardCharsets.UTF_8))
                .stdout(stdout).stderr(stderr).preopen(sandbox, "/sandbox");
        for (String variable : entry.env()) {
            int equals = variable.indexOf('=');
            builder.env(variable.substring(0, equals), variable.substring(equals + 1));
        }
        int exit;
        try (Wasi wasi = builder.build()) {
            exit = run(wasi, Files.readAllBytes(PROGRAMS.resolve(entry.program() + ".wasm")), mode);
        }
        String expected = Files.readString(PROGRAMS.resolve(entry.stdoutFile()));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).as("stdout; stderr was: %s", stderr).isEqualTo(expected);
        assertThat(exit).as("exit code").isEqualTo(entry.exit());
    }

    /** Runs a WASI command's {@code _start}; returns its exit code. */
    static int run(Wasi wasi, byte[] wasm, ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        CompiledModule module = engine.compile(wasm);
        Store store = new Store(engine);
        Linker linker = new Linker(engine);
        wasi.addTo(linker, store);
        try {
            linker.instantiate(store, module).func("_start").call(store);
            return 0;
        } catch (WasiExit exit) {
            return exit.exitCode();
        }
    }
}
