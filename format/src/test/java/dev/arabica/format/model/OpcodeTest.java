package dev.arabica.format.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpcodeTest {

    @Test
    void memoryAccessesNameTheValueTheyLoadOrStore() {
        assertThat(Opcode.fromMnemonic("i64.load16_u").accessedType()).isEqualTo(NumType.I64);
        assertThat(Opcode.fromMnemonic("i64.load16_u").isStore()).isFalse();
        assertThat(Opcode.fromMnemonic("f32.store").accessedType()).isEqualTo(NumType.F32);
        assertThat(Opcode.fromMnemonic("f32.store").isStore()).isTrue();
        assertThat(Opcode.fromMnemonic("v128.load8x8_s").accessedType()).isEqualTo(VecType.V128);
        assertThat(Opcode.fromMnemonic("v128.store16_lane").isStore()).isTrue();
        assertThat(Opcode.fromMnemonic("v128.load16_lane").isStore()).isFalse();
        assertThat(Opcode.fromMnemonic("i32.atomic.store8").isStore()).isTrue();
        assertThat(Opcode.fromMnemonic("i32.atomic.rmw.add").isStore()).isFalse();
    }

    @Test
    void otherInstructionsAccessNothing() {
        for (String mnemonic : new String[] {"i32.add", "memory.size", "memory.copy", "memory.atomic.notify"}) {
            assertThat(Opcode.fromMnemonic(mnemonic).accessedType()).as(mnemonic).isNull();
        }
        assertThat(Opcode.fromMnemonic("memory.fill").isStore()).isFalse();
    }
}
