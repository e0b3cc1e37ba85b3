package dev.arabica.text.wast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.format.model.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every script of the spec suite parses, and every module in it that is not expected to be
 * malformed parses (text) or decodes (binary). Modules that the suite expects to be valid also
 * survive encode then decode unchanged (invalid ones may not be encodable, e.g. a 32-bit memory
 * larger than 2^32 pages).
 */
class SpecSuiteParsingTest {

    private static Path suite() {
        Path root = Path.of(System.getProperty("arabica.testsuite", "../../shared/wasm-testsuite"));
        if (!Files.isDirectory(root)) {
            System.err.println("!!!!! SPEC SUITE NOT FOUND at " + root.toAbsolutePath()
                    + ": set -Darabica.testsuite=PATH. Spec parsing tests are SKIPPED. !!!!!");
        }
        assumeTrue(Files.isDirectory(root), "spec suite not found at " + root);
        return root;
    }

    @Test
    void everyScriptAndEveryWellFormedModuleParsesAndRoundTrips() throws IOException {
        Path root = suite();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        int modules = 0;
        for (Path file : files) {
            String name = root.relativize(file).toString();
            Script script;
            try {
                script = WastParser.parse(Files.readString(file, StandardCharsets.UTF_8), name);
            } catch (RuntimeException e) {
                problems.add(name + ": script: " + e.getMessage());
                continue;
            }
            for (Command command : script.commands()) {
                ModuleSource source = wellFormedModule(command);
                if (source == null) {
                    continue;
                }
                modules++;
                try {
                    Module module = source.toModule();
                    if (!(command instanceof Command.ModuleCommand)) {
                        continue;
                    }
                    Module again = ModuleDecoder.decode(ModuleEncoder.encode(module));
                    if (!again.equals(module)) {
                        problems.add(name + ":" + command.line() + ": encode/decode changed the module");
                    }
                } catch (RuntimeException e) {
                    problems.add(name + ":" + command.line() + ": " + e.getMessage());
                }
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(437);
        assertThat(problems).as("%d modules checked", modules).isEmpty();
    }

    /** The module of a command that must parse: everything except the malformed and custom-section assertions. */
    private static ModuleSource wellFormedModule(Command command) {
        boolean mayNotParse = command instanceof Command.AssertMalformed || command instanceof Command.AssertMalformedCustom
                || command instanceof Command.AssertInvalidCustom;
        return mayNotParse ? null : command.moduleSource();
    }
}
