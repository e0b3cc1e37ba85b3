package dev.arabica.format.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.CustomSection;
import dev.arabica.format.model.Module;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameSectionTest {

    private static final byte[] NAMES = {
        0, 4, 3, 'm', 'o', 'd',
        1, 7, 2, 0, 1, 'f', 3, 1, 'g',
        2, 6, 1, 3, 1, 0, 1, 'x',
        7, 4, 1, 0, 1, 'c'};

    @Test
    void readsModuleFunctionLocalAndGlobalNames() {
        NameSection names = NameSection.parse(NAMES);
        assertThat(names.moduleName()).contains("mod");
        assertThat(names.functionName(0)).contains("f");
        assertThat(names.functionName(3)).contains("g");
        assertThat(names.functionName(1)).isEmpty();
        assertThat(names.localName(3, 0)).contains("x");
        assertThat(names.globals()).isEqualTo(Map.of(0, "c"));
    }

    @Test
    void keepsWhatWasReadBeforeDamage() {
        byte[] damaged = java.util.Arrays.copyOf(NAMES, 12);
        NameSection names = NameSection.parse(damaged);
        assertThat(names.moduleName()).contains("mod");
        assertThat(names.functions()).isEmpty();
    }

    @Test
    void findsTheNameSectionAmongCustomSections() {
        Module module = Module.builder()
                .addCustomSection(new CustomSection("other", new byte[] {1}, 0))
                .addCustomSection(new CustomSection("name", NAMES, 0))
                .build();
        assertThat(NameSection.of(module).functionName(0)).isEqualTo(Optional.of("f"));
        assertThat(NameSection.of(Module.builder().build())).isEqualTo(NameSection.EMPTY);
    }
}
