package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class MethodSizeLimitTest {

    @Test
    void anExplicitLimitSplitsAboveItAndPlansMethodsOfItsSizeUpToTheJitLimit() {
        MethodSizeLimit small = MethodSizeLimit.of(16);
        assertThat(small.passedBy(16)).isFalse();
        assertThat(small.passedBy(17)).isTrue();
        assertThat(small.splitMethodBytes()).isEqualTo(16);

        MethodSizeLimit large = MethodSizeLimit.of(30_000);
        assertThat(large.passedBy(29_000)).isFalse();
        assertThat(large.passedBy(30_001)).isTrue();
        assertThat(large.splitMethodBytes()).isEqualTo(MethodSizeLimit.JIT_LIMIT);
    }

    @Test
    void theDefaultFollowsWhetherThisJvmCompilesHugeMethods() {
        boolean compilesHuge = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:-DontCompileHugeMethods");
        MethodSizeLimit chosen = MethodSizeLimit.forThisJvm();

        assertThat(chosen.splitAbove())
                .isEqualTo(compilesHuge ? MethodSizeLimit.HUGE_METHOD_LIMIT : MethodSizeLimit.JIT_LIMIT);
        assertThat(chosen.passedBy(MethodSizeLimit.JIT_LIMIT)).isFalse();
        assertThat(chosen.passedBy(MethodSizeLimit.HUGE_METHOD_LIMIT + 1)).isTrue();
        assertThat(chosen.splitMethodBytes()).isEqualTo(MethodSizeLimit.JIT_LIMIT);
    }

    @Test
    void refusesLimitsNoMethodCouldHave() {
        assertThatThrownBy(() -> MethodSizeLimit.of(0)).hasMessage("the compiled method limit must be 1 to 65,535 bytes: 0");
        assertThatThrownBy(() -> MethodSizeLimit.of(65_536))
                .hasMessage("the compiled method limit must be 1 to 65,535 bytes: 65536");
    }
}
