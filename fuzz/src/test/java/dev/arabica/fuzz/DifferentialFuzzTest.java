package dev.arabica.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.fuzz.generate.GeneratorOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A short differential run in every build: the compiler and the interpreter agree on a fixed
 * range of generated modules (failures are archived in target/differential-failures). Every module
 * canonicalizes NaNs, so the outcome cannot depend on how the JIT treats NaN payloads that day. The
 * long runs are {@code bin/fuzz-differential}'s.
 */
class DifferentialFuzzTest {

    @Test
    void compilerAndInterpreterAgreeOnGeneratedModules() throws InterruptedException {
        DifferentialFuzz fuzz = new DifferentialFuzz(GeneratorOptions.DEFAULT.withCanonicalNanShare(1),
                Path.of("target/differential-failures"));
        FuzzStatistics statistics = fuzz.run(0, 300, message -> System.out.println(message));

        assertThat(statistics.invalidSeeds()).as("seeds whose module does not validate").isEmpty();
        assertThat(statistics.disagreeingSeeds()).as("seeds on which the engines disagree").isEmpty();
        assertThat(statistics.modules()).isEqualTo(300);
        assertThat(statistics.callTraps()).as("calls end in traps of many kinds").hasSizeGreaterThanOrEqualTo(8);
    }
}
