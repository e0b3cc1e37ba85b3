package dev.arabica.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.validation.Validator;
import dev.arabica.fuzz.generate.GeneratorOptions;
import dev.arabica.fuzz.generate.ModuleGenerator;
import dev.arabica.fuzz.generate.OpcodeHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /**
     * The harness explains a disagreement on a module with raw NaNs by its twin, generated from the
     * same seed with NaN canonicalization: that must be the same module plus the canonicalizing code.
     */
    @Test
    void theCanonicalizingTwinOnlyAddsCanonicalization() {
        for (long seed = 0; seed < 200; seed++) {
            Module raw = ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT.withCanonicalNanShare(0)).module();
            Module twin = ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT.withCanonicalNanShare(1)).module();
            assertThat(twin.functions()).hasSameSizeAs(raw.functions());
            for (int i = 0; i < raw.functions().size(); i++) {
                assertThat(opcodesWithoutCanonicalization(twin.functions().get(i).body().instructions()))
                        .as("seed %d, function %d", seed, i)
                        .isEqualTo(opcodesWithoutCanonicalization(raw.functions().get(i).body().instructions()));
            }
        }
    }

    /** The opcodes, without each {@code local.tee t; NaN; local.get t; local.get t; eq; select} (or bitselect). */
    private static List<Opcode> opcodesWithoutCanonicalization(List<Instruction> code) {
        List<Opcode> opcodes = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            if (i + 5 < code.size() && code.get(i).opcode() == Opcode.LOCAL_TEE
                    && Set.of(Opcode.F32_CONST, Opcode.F64_CONST, Opcode.V128_CONST).contains(code.get(i + 1).opcode())
                    && code.get(i + 2).equals(new Instruction.Indexed(Opcode.LOCAL_GET, ((Instruction.Indexed) code.get(i)).index()))
                    && code.get(i + 3).equals(code.get(i + 2))
                    && Set.of(Opcode.F32_EQ, Opcode.F64_EQ, Opcode.F32X4_EQ, Opcode.F64X2_EQ).contains(code.get(i + 4).opcode())
                    && Set.of(Opcode.SELECT, Opcode.V128_BITSELECT).contains(code.get(i + 5).opcode())) {
                i += 5;
            } else {
                opcodes.add(code.get(i).opcode());
            }
        }
        return opcodes;
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
