package dev.arabica.spectest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.InvalidModuleException;
import dev.arabica.format.MalformedModuleException;
import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Module;
import dev.arabica.format.validation.Validator;
import dev.arabica.text.wast.Command;
import dev.arabica.text.wast.ModuleSource;
import dev.arabica.text.wast.WastParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutates every module of the WebAssembly 2.0 suite (truncation, byte changes, inserted overlong
 * LEB128 encodings) with a fixed seed, and checks that decoding and validating each mutant either
 * succeeds or fails with the format's own exceptions: never another exception, an error, a hang
 * or an allocation the bytes do not back (this module's tests run with a small heap).
 */
class HostileBytesTest {

    private static final long SEED = 20261124L;
    private static final int MUTANTS_PER_MODULE = 24;
    private static final long SLOW_CASE_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mutatedModulesAreRejectedOnlyWithFormatExceptions() throws IOException {
        List<byte[]> modules = suiteBinaries(Wasm2SuiteTest.suite("wasm-2.0"));
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (int m = 0; m < modules.size(); m++) {
            byte[] original = modules.get(m);
            for (int k = 0; k < MUTANTS_PER_MODULE; k++) {
                byte[] mutant = mutate(original, random, k % 3);
                cases++;
                String problem = check(mutant);
                if (problem != null && problems.size() < 20) {
                    problems.add("module " + m + " mutant " + k + " (" + describe(k % 3) + "): " + problem);
                }
            }
        }
        System.out.printf("HostileBytesTest: %d modules, %d mutated cases%n", modules.size(), cases);
        assertThat(cases).isGreaterThan(30_000);
        assertThat(problems).isEmpty();
    }

    @Test
    void aModuleDeclaringBillionsOfFunctionsFailsFast() {
        byte[] bytes = {0, 'a', 's', 'm', 1, 0, 0, 0, 3, 5, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        long start = System.nanoTime();
        assertThat(check(bytes)).isNull();
        assertThat(System.nanoTime() - start).isLessThan(SLOW_CASE_NANOS);
    }

    @Test
    void aFunctionDeclaringBillionsOfLocalsIsNotExpanded() {
        byte[] bytes = {0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 4, 1, 0x60, 0, 0,
            3, 2, 1, 0,
            10, 10, 1, 8, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x7F, 0x0B};
        Module module = ModuleDecoder.decode(bytes);
        assertThat(module.functions().get(0).locals().get(0).count()).isEqualTo(0xFFFFFFFFL);
        assertThat(check(bytes)).isNull();
    }

    private static String describe(int kind) {
        return switch (kind) {
            case 0 -> "truncated";
            case 1 -> "bytes changed";
            default -> "overlong LEB128 inserted";
        };
    }

    /** Null when the bytes were accepted or rejected properly; otherwise what went wrong. */
    private static String check(byte[] bytes) {
        long start = System.nanoTime();
        try {
            Validator.validate(ModuleDecoder.decode(bytes, Validator.SUPPORTED));
        } catch (MalformedModuleException | InvalidModuleException expected) {
            // a precise rejection is the point
        } catch (Throwable e) {
            return e.toString();
        }
        try {
            ModuleDecoder.decode(bytes, Feature.all());
        } catch (MalformedModuleException expected) {
            // the 3.0 reading of the same bytes must fail as cleanly
        } catch (Throwable e) {
            return "(3.0 decoding) " + e;
        }
        long elapsed = System.nanoTime() - start;
        return elapsed > SLOW_CASE_NANOS ? "took " + elapsed / 1_000_000 + " ms" : null;
    }

    private static byte[] mutate(byte[] original, Random random, int kind) {
        switch (kind) {
            case 0:
                return Arrays.copyOf(original, random.nextInt(original.length));
            case 1: {
                byte[] mutant = original.clone();
                int changes = 1 + random.nextInt(4);
                for (int i = 0; i < changes; i++) {
                    int at = 8 + random.nextInt(Math.max(1, mutant.length - 8));
                    if (at < mutant.length) {
                        mutant[at] = (byte) random.nextInt(256);
                    }
                }
                return mutant;
            }
            default: {
                int at = 8 + random.nextInt(Math.max(1, original.length - 8));
                if (at >= original.length) {
                    return original.clone();
                }
                int padding = 1 + random.nextInt(6);
                byte[] mutant = new byte[original.length + padding];
                System.arraycopy(original, 0, mutant, 0, at);
                mutant[at] = (byte) (original[at] | 0x80);
                for (int i = 1; i < padding; i++) {
                    mutant[at + i] = (byte) 0x80;
                }
                mutant[at + padding] = 0;
                System.arraycopy(original, at + 1, mutant, at + padding + 1, original.length - at - 1);
                return mutant;
            }
        }
    }

    /** The binary form of every module the suite defines: binary modules as written, text ones encoded. */
    private static List<byte[]> suiteBinaries(Path suite) throws IOException {
        List<byte[]> binaries = new ArrayList<>();
        for (Path file : SuiteRunner.scriptsUnder(suite)) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            for (Command command : WastParser.parse(source, file.toString()).commands()) {
                if (command instanceof Command.ModuleCommand module) {
                    ModuleSource moduleSource = module.source();
                    binaries.add(moduleSource instanceof ModuleSource.Binary binary
                            ? binary.bytes()
                            : ModuleEncoder.encode(moduleSource.toModule()));
                }
            }
        }
        return binaries;
    }
}
