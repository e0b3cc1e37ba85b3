package dev.arabica.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.Module;
import dev.arabica.fuzz.generate.GeneratorOptions;
import dev.arabica.fuzz.generate.ModuleGenerator;
import dev.arabica.text.Wat;
import org.junit.jupiter.api.Test;

class WatPrinterTest {

    /** Printing and parsing back gives the same module: the text archived for a failure is the module that failed. */
    @Test
    void generatedModulesSurviveTheTextFormat() {
        for (long seed = 0; seed < 300; seed++) {
            Module generated = ModuleGenerator.generate(seed, GeneratorOptions.DEFAULT).module();
            Module parsed = Wat.parseModule(WatPrinter.print(generated));
            // The text parser adds a data count section only when code needs one.
            Module sameDataCount = new Module(parsed.recGroups(), parsed.imports(), parsed.functions(), parsed.tables(),
                    parsed.memories(), parsed.tags(), parsed.globals(), parsed.exports(), parsed.start(),
                    parsed.elements(), parsed.data(), generated.dataCount(), parsed.customSections());
            assertThat(sameDataCount.equals(generated)).as("seed %d", seed).isTrue();
        }
    }
}
