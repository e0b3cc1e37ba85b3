package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochSwitchTest {

    @Test
    void aSwitchThatCanDisarmStartsDisarmedAndFollowsTheDeadlines() {
        EpochSwitch epochSwitch = new EpochSwitch(true);
        assertThat(epochSwitch.armed()).isFalse();
        epochSwitch.arm();
        assertThat(epochSwitch.armed()).isTrue();
        epochSwitch.disarm();
        assertThat(epochSwitch.armed()).isFalse();
        assertThat(epochSwitch.disarmable()).isTrue();
    }

    @Test
    void aSwitchDisarmedTooOftenStaysArmedSoThatCodeIsNotRecompiledWithoutEnd() {
        EpochSwitch epochSwitch = new EpochSwitch(true);
        int disarms = 0;
        while (epochSwitch.disarmable()) {
            epochSwitch.arm();
            epochSwitch.disarm();
            disarms++;
        }
        assertThat(disarms).isEqualTo(64);
        epochSwitch.arm();
        epochSwitch.disarm();
        assertThat(epochSwitch.armed()).isTrue();
    }

    @Test
    void withoutCountedLoopSafepointsTheSwitchIsArmedForGood() {
        EpochSwitch epochSwitch = new EpochSwitch(false);
        assertThat(epochSwitch.armed()).isTrue();
        epochSwitch.disarm();
        assertThat(epochSwitch.armed()).isTrue();
        assertThat(epochSwitch.disarmable()).isFalse();
    }
}
