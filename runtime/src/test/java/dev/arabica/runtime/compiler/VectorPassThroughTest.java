package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.V128;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import dev.arabica.text.Wat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Functions with no vector instruction, no v128 local and no v128 in their type can still move
 * v128 values: through calls, indirect calls, globals, typed selects and block types. When the
 * compiler had no representation of v128 it compiled them and failed with a ClassCastException
 * (found by the differential fuzzer, seed 133); now it holds them as {@code V128} objects.
 */
class VectorPassThroughTest {

    private static final String MODULE = """
            (module
              (type $v (func (result v128)))
              (type $iv (func (result i32 v128)))
              (global $a (export "a") (mut v128) (v128.const i64x2 1 2))
              (global $b (export "b") (mut v128) (v128.const i64x2 3 4))
              (table funcref (elem $pair $vector))
              (func $vector (type $v) (global.get $a))
              (func $pair (type $iv) (i32.const 7) (global.get $b))
              (func (export "multi_value_call") (result i32)
                (call $pair) (global.set $a) (i32.const 1) (i32.add))
              (func (export "single_call") (global.set $b (call $vector)))
              (func (export "copy_global") (global.set $a (global.get $b)))
              (func (export "block_type") (block (type $v) (global.get $a)) (global.set $b))
              (func (export "typed_select") (param i32)
                (global.set $a (select (result v128) (global.get $a) (global.get $b) (local.get 0))))
              (func (export "indirect") (result i32) (call_indirect (type $iv) (i32.const 0)) (drop)))
            """;

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void vectorsPassThroughFunctionsWithoutVectorInstructions(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine);
        Instance instance = new Linker(engine).instantiate(store, engine.compile(Wat.parseModule(MODULE)));

        assertThat(instance.func("multi_value_call").call(store)[0].asInt()).isEqualTo(8);
        assertThat(vector(instance, "a")).isEqualTo(new V128(3, 4));
        instance.global("a").set(Value.v128(new V128(5, 6)));
        instance.func("single_call").call(store);
        assertThat(vector(instance, "b")).isEqualTo(new V128(5, 6));
        instance.global("b").set(Value.v128(new V128(7, 8)));
        instance.func("copy_global").call(store);
        assertThat(vector(instance, "a")).isEqualTo(new V128(7, 8));
        instance.global("a").set(Value.v128(new V128(9, 10)));
        instance.func("block_type").call(store);
        assertThat(vector(instance, "b")).isEqualTo(new V128(9, 10));
        instance.global("b").set(Value.v128(new V128(11, 12)));
        instance.func("typed_select").call(store, Value.i32(0));
        assertThat(vector(instance, "a")).isEqualTo(new V128(11, 12));
        assertThat(instance.func("indirect").call(store)[0].asInt()).isEqualTo(7);
    }

    private static V128 vector(Instance instance, String global) {
        return instance.global(global).get().asV128();
    }
}
