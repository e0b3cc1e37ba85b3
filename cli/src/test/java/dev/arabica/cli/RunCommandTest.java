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
}
