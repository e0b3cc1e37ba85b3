package dev.arabica.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.ValType;
import dev.arabica.fuzz.Observation.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static Observation observation(List<Observed> results, byte[] memory) {
        return new Observation(Outcome.returned(List.of(), 1000, -1), List.of(Outcome.returned(results, 990, -1)), List.of(),
                memory, List.of(), List.of());
    }

    private static Observed f32(int bits) {
        return new Observed(ValType.F32, bits & 0xFFFF_FFFFL, 0, null);
    }

    private static byte[] memoryWithF32At(int address, int bits) {
        byte[] memory = new byte[16];
        for (int i = 0; i < 4; i++) {
            memory[address + i] = (byte) (bits >>> (8 * i));
        }
        return memory;
    }

    @Test
    void nanPayloadsMayDifferInResultsAndMemoryOfModulesThatKeepRawNans() {
        Comparison comparison = Comparison.of(
                observation(List.of(f32(0x7FC0_0001)), memoryWithF32At(5, 0x7FC0_0001)),
                observation(List.of(f32(0xFFC0_0000)), memoryWithF32At(5, 0xFFC0_0000)), true);
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.nanPayloadDifferences()).isEqualTo(2);
    }

    @Test
    void nanPayloadsMustAgreeInModulesThatCanonicalize() {
        Comparison comparison = Comparison.of(observation(List.of(f32(0x7FC0_0001)), null),
                observation(List.of(f32(0x7FC0_0000)), null), false);
        assertThat(comparison.differences()).hasSize(1);
    }

    @Test
    void otherDifferencesAreDifferences() {
        Comparison comparison = Comparison.of(
                observation(List.of(f32(0x3F80_0000)), memoryWithF32At(5, 0x3F80_0000)),
                observation(List.of(f32(0x7FC0_0000)), memoryWithF32At(5, 0x7FC0_0000)), true);
        assertThat(comparison.differences()).hasSize(3);
        assertThat(comparison.differences().get(0)).startsWith("call 0 result 0");
        assertThat(comparison.differences().get(1)).startsWith("memory byte 7");
    }
}
