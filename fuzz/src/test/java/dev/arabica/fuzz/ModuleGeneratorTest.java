package dev.arabica.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Module;
import dev.arabica.format.validation.Validator;
import dev.arabica.fuzz.generate.GeneratorOptions;
import dev.arabica.fuzz.generate.ModuleGenerator;
import dev.arabica.fuzz.generate.OpcodeHistogram;
import org.junit.jupiter.api.Test;

class ModuleGeneratorTest {

    @Test
    void generatedModulesValidate() {
        for (long seed = 0; seed < 500; seed++) {
            byte[] wasm = ModuleEncoder.encode(ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT).module());
            long reported = seed;
            assertThatCode(() -> Validator.validate(ModuleDecoder.decode(wasm, Feature.wasm2())))
                    .as("module of seed %d", reported).doesNotThrowAnyException();
        }
    }

    @Test
    void aSeedAlwaysGivesTheSameModule() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(ModuleEncoder.encode(ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT).module()))
                    .isEqualTo(ModuleEncoder.encode(ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT).module()));
        }
    }

    /** Coverage cannot rot silently: every WebAssembly 2.0 instruction, SIMD included, is generated. */
    @Test
    void everyWebAssembly2OpcodeIsGenerated() {
        OpcodeHistogram histogram = new OpcodeHistogram();
        for (long seed = 0; seed < 1000; seed++) {
            histogram.add(ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT.withSimdShare(0.5)).module());
        }
        assertThat(histogram.missing()).isEmpty();
    }

    @Test
    void simdCanBeTurnedOff() {
        for (long seed = 0; seed < 200; seed++) {
            Module module = ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT.withSimdShare(0)).module();
            OpcodeHistogram histogram = new OpcodeHistogram();
            histogram.add(module);
            assertThat(OpcodeHistogram.claimed().stream().filter(op -> op.feature() == Feature.SIMD)
                    .mapToLong(histogram::count).sum()).isZero();
        }
    }
}
