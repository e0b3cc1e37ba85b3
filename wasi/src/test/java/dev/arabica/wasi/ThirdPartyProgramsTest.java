package dev.arabica.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.runtime.ExecutionMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the functional inputs of the third-party WASI programs in {@code examples/programs} (SQLite's
 * shell, Lua and QuickJS, built from registry sources by its build.sh) and compares their output
 * with what node's node:wasi printed.
 */
class ThirdPartyProgramsTest {

    static final Path PROGRAMS = Path.of("../examples/programs");

    @TempDir
    Path data;

    private String run(String program, byte[] stdin, Wasi.Builder grants, String... arguments) throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        try (Wasi wasi = grants.arguments(List.of(arguments)).stdin(stdin).stdout(stdout).stderr(stderr).build()) {
            exit = ProgramsTest.run(wasi, Files.readAllBytes(PROGRAMS.resolve(program)), ExecutionMode.COMPILER);
        }
        assertThat(exit).as("exit code; stderr was: %s", stderr).isZero();
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private static String expected(String path) throws IOException {
        return Files.readString(PROGRAMS.resolve(path));
    }

    private static byte[] input(String path) throws IOException {
        return Files.readAllBytes(PROGRAMS.resolve(path));
    }

    @Test
    void sqliteWritesADatabaseAndASecondRunReadsItBack() throws IOException {
        assertThat(run("sqlite3.wasm", input("sqlite/test1.sql"), Wasi.builder().preopen(data, "/data"), "sqlite3",
                "/data/test.db")).isEqualTo(expected("sqlite/test1.expected"));
        assertThat(Files.size(data.resolve("test.db"))).isPositive();
        assertThat(run("sqlite3.wasm", input("sqlite/test2.sql"), Wasi.builder().preopen(data, "/data"), "sqlite3",
                "/data/test.db")).isEqualTo(expected("sqlite/test2.expected"));
    }

    @Test
    void lua() throws IOException {
        assertThat(run("lua.wasm", input("lua/test.lua"), Wasi.builder().preopen(data, "/data"), "lua", "-"))
                .isEqualTo(expected("lua/test.expected"));
    }

    @Test
    void quickJs() throws IOException {
        assertThat(run("qjs.wasm", new byte[0],
                Wasi.builder().preopen(data, "/data").preopenReadOnly(PROGRAMS.resolve("quickjs"), "/prog"), "qjs",
                "/prog/test.mjs")).isEqualTo(expected("quickjs/test.expected"));
    }
}
