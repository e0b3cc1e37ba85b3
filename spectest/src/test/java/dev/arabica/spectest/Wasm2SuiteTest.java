package dev.arabica.spectest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WebAssembly 2.0 spec suite: every command that can run today passes. */
class Wasm2SuiteTest {

    static Path suite(String folder) {
        Path root = Path.of(System.getProperty("arabica.testsuite", "../../shared/wasm-testsuite"));
        Path path = root.resolve(folder);
        if (!Files.isDirectory(path)) {
            System.err.println("!!!!! SPEC SUITE NOT FOUND at " + path.toAbsolutePath()
                    + ": set -Darabica.testsuite=PATH. Spec tests are SKIPPED. !!!!!");
        }
        assumeTrue(Files.isDirectory(path), "spec suite not found at " + path);
        return path;
    }

    @Test
    void everyWasm2CommandPasses() {
        Path wasm2 = suite("wasm-2.0");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<SuiteResult> results = new SuiteRunner(new ScriptRunner(StaticOnlyHarness::new),
                new PrintStream(log, true, StandardCharsets.UTF_8), false).run(List.of(wasm2));
        SuiteResult result = results.get(0);
        assertThat(result.files()).hasSize(148);
        assertThat(result.total().failed())
                .as("failures:\n%s", log.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(result.byKind().get(CommandKind.ASSERT_MALFORMED).passed()).isEqualTo(1810);
        assertThat(result.byKind().get(CommandKind.ASSERT_INVALID).passed()).isEqualTo(2146);
        assertThat(result.matchedTexts()).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * result.expectedTexts()));
    }
}
