package dev.arabica.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.text.Wat;
import org.junit.jupiter.api.Test;

class ReducerTest {

    private static final String MODULE = """
            (module
              (global (mut i32) (i32.const 1000))
              (export "fuel" (global 0))
              (func (result f32)
                global.get 0
                i32.eqz
                if
                  unreachable
                end
                global.get 0
                i32.const 1
                i32.sub
                global.set 0
                i32.const 1
                drop
                f32.const 2
                f32.const 3
                f32.add
                f32.sqrt
                i64.const 4
                drop
              )
            )
            """;

    /** Keeps what the failure needs and what bounds execution, and deletes the rest. */
    @Test
    void deletesTheLinesTheFailureDoesNotNeed() {
        String reduced = Reducer.reduce(MODULE, text -> {
            try {
                ModuleEncoder.encode(Wat.parseModule(text));
                return text.contains("f32.sqrt");
            } catch (RuntimeException invalid) {
                return false;
            }
        }, message -> { });

        assertThat(reduced).contains("f32.sqrt", "global.set 0", "(export \"fuel\" (global 0))")
                .doesNotContain("i64.const", "i32.const 1\n                drop", "f32.add");
    }
}
