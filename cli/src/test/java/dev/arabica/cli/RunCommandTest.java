package dev.arabica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "run";
            System.arraycopy(args, 0, all, 1, args.length);
            return Arabica.commandLine().execute(all);
        } finally {
            System.setOut(out);
            System.setErr(err);
            stdout = outBytes.toString(StandardCharsets.UTF_8);
            stderr = errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void invokesAnExportAndPrintsItsResult() {
        assertThat(run("--invoke", "fac_rec", "../examples/fac.wat", "20")).isZero();
        assertThat(stdout.trim()).isEqualTo("2432902008176640000");
    }

    @Test
    void printsEachResultOnItsOwnLine() throws IOException {
        Path module = Files.writeString(dir.resolve("pair.wat"),
                "(module (func (export \"pair\") (param f64) (result i32 f64) (i32.const 7) (local.get 0)))");
        assertThat(run("--invoke", "pair", module.toString(), "2.5")).isZero();
        assertThat(stdout.lines()).containsExactly("7", "2.5");
    }

    @Test
    void reportsATrapWithItsBacktraceAndFails() throws IOException {
        Path module = Files.writeString(dir.resolve("trap.wat"), "(module (func (export \"f\") unreachable))");
        assertThat(run("--invoke", "f", module.toString())).isEqualTo(1);
        assertThat(stderr).contains("unreachable").contains("at func[0]");
    }

    @Test
    void rejectsArgumentsThatDoNotFitTheSignature() {
        assertThat(run("--invoke", "fac_rec", "../examples/fac.wat", "ten")).isEqualTo(2);
        assertThat(stderr).contains("not a valid i64");
    }

    @Test
    void runsAWasiCommandWithGrantedDirectoriesAndArguments() throws IOException {
        Files.writeString(dir.resolve("text.txt"), "the cat and the dog and the bird");
        assertThat(run("--dir", dir + "::/data", "../examples/wordfreq/wordfreq.wasm", "-n", "2", "/data/text.txt"))
                .isZero();
        assertThat(stdout.lines()).containsExactly("      3 the", "      2 and");
    }

    @Test
    void exitsWithTheGuestsExitCode() {
        assertThat(run("../examples/wordfreq/wordfreq.wasm", "/data/missing.txt")).isEqualTo(1);
        assertThat(stderr).contains("/data/missing.txt");
    }

    @Test
    void procExitInATextModuleSetsTheExitStatus() throws IOException {
        Path module = Files.writeString(dir.resolve("exit.wat"), """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1)
                  (func (export "_start") (call $exit (i32.const 42))))""");
        assertThat(run(module.toString())).isEqualTo(42);
    }

    @Test
    void grantsOnlyTheEnvironmentVariablesNamed() throws IOException {
        Path module = Files.writeString(dir.resolve("env.wat"), """
                (module
                  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $sizes (param i32 i32) (result i32)))
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1)
                  (func (export "_start")
                    (drop (call $sizes (i32.const 0) (i32.const 4)))
                    (call $exit (i32.load (i32.const 0)))))""");
        assertThat(run("--env", "A=1", "--env", "B=2", module.toString())).isEqualTo(2);
    }

    @Test
    void aTimeoutStopsARunawayGuest() throws IOException {
        Path module = Files.writeString(dir.resolve("spin.wat"),
                "(module (memory (export \"memory\") 1) (func (export \"_start\") (loop $l (br $l))))");
        long start = System.nanoTime();
        assertThat(run("-W", "timeout=100ms", module.toString())).isEqualTo(1);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(stderr).contains("interrupt");
    }

    @Test
    void refusesUnknownAndMalformedLimits() {
        assertThat(run("-W", "gas=10", "../examples/fac.wat")).isEqualTo(2);
        assertThat(stderr).contains("unsupported -W option \"gas\"");
        assertThat(run("-W", "fuel=-1", "../examples/fac.wat")).isEqualTo(2);
        assertThat(stderr).contains("invalid fuel \"-1\": expected a whole number from 0 to 9223372036854775807");
        assertThat(run("-W", "max-wasm-stack=0", "../examples/fac.wat")).isEqualTo(2);
        assertThat(stderr).contains("invalid max-wasm-stack \"0\"");
        assertThat(run("-W", "trap-on-grow-failure=maybe", "../examples/fac.wat")).isEqualTo(2);
        assertThat(stderr).contains("expected y or n");
    }

    @Test
    void fuelStopsARunawayGuestAndAllowsAFiniteOne() throws IOException {
        Path module = Files.writeString(dir.resolve("spin.wat"),
                "(module (memory (export \"memory\") 1) (func (export \"_start\") (loop $l (br $l))))");
        assertThat(run("-W", "fuel=100000", module.toString())).isEqualTo(1);
        assertThat(stderr).contains("all fuel consumed");
        assertThat(run("-W", "fuel=1000", "--invoke", "fac_rec", "../examples/fac.wat", "10")).isZero();
        assertThat(stdout.trim()).isEqualTo("3628800");
    }

    @Test
    void capsHowDeepTheGuestsCallsNest() {
        assertThat(run("-W", "max-wasm-stack=20", "--invoke", "fac_rec", "../examples/fac.wat", "19")).isZero();
        assertThat(run("-W", "max-wasm-stack=20", "--invoke", "fac_rec", "../examples/fac.wat", "25")).isEqualTo(1);
        assertThat(stderr).contains("call stack exhausted");
    }

    @Test
    void capsTheGuestsMemory() throws IOException {
        Path module = Files.writeString(dir.resolve("grow.wat"), """
                (module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))""");
        assertThat(run("-W", "max-memory-size=131072", "--invoke", "grow", module.toString(), "1")).isZero();
        assertThat(stdout.trim()).isEqualTo("1");
        assertThat(run("-W", "max-memory-size=131072", "--invoke", "grow", module.toString(), "2")).isZero();
        assertThat(stdout.trim()).isEqualTo("-1");
        assertThat(run("-W", "max-memory-size=131072", "-W", "trap-on-grow-failure=y", "--invoke", "grow",
                module.toString(), "2")).isEqualTo(1);
        assertThat(stderr).contains("memory.grow by 2 pages would pass the store's limit of 131072 bytes");
    }
}
