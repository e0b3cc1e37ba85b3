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

class ValidateCommandTest {

    @TempDir
    Path dir;

    private String stderr;

    private int validate(Path... files) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] args = new String[files.length + 1];
            args[0] = "validate";
            for (int i = 0; i < files.length; i++) {
                args[i + 1] = files[i].toString();
            }
            return Arabica.commandLine().execute(args);
        } finally {
            System.setErr(original);
            stderr = err.toString(StandardCharsets.UTF_8);
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void acceptsTheShippedExample() {
        assertThat(validate(Path.of("../examples/fac.wat"))).isZero();
        assertThat(stderr).isEmpty();
    }

    @Test
    void acceptsAValidBinaryModule() throws IOException {
        byte[] empty = {0, 'a', 's', 'm', 1, 0, 0, 0};
        assertThat(validate(file("empty.wasm", empty))).isZero();
    }

    @Test
    void reportsTheOffsetAndReasonOfAMalformedBinary() throws IOException {
        Path bad = file("bad.wasm", new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        assertThat(validate(bad)).isEqualTo(1);
        assertThat(stderr).startsWith(bad + ": offset 0x4: ").contains("unknown binary version");
    }

    @Test
    void reportsTheFunctionAndOffsetOfATypeError() throws IOException {
        Path bad = file("bad.wat", "(module (func (result i32) (i64.const 1)))");
        assertThat(validate(bad)).isEqualTo(1);
        assertThat(stderr).startsWith(bad + ": offset 0x").contains("type mismatch").contains("function 0");
    }

    @Test
    void reportsTheLineOfATextSyntaxError() throws IOException {
        Path bad = file("syntax.wat", "(module\n  (func (i32.bogus)))");
        assertThat(validate(bad)).isEqualTo(1);
        assertThat(stderr).startsWith(bad + ": ").contains("2:").contains("unknown operator");
    }

    @Test
    void checksEveryFileAndFailsIfAnyIsInvalid() throws IOException {
        Path good = file("good.wat", "(module)");
        Path bad = file("bad.wat", "(module (func (drop)))");
        assertThat(validate(good, bad)).isEqualTo(1);
        assertThat(stderr).doesNotContain(good + ":").contains(bad + ":");
    }
}
