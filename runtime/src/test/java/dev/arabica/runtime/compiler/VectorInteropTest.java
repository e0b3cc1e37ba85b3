package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.V128;
import dev.arabica.format.model.VecType;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import dev.arabica.text.Wat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * v128 values cross every boundary of compiled code: typed host functions (called directly with
 * {@code V128} arguments), host functions on the slot stack, indirect calls, several results, and
 * a function too large for a JVM method, which runs in the interpreter and calls back into
 * compiled code.
 */
class VectorInteropTest {

    interface VectorUnary {
        V128 apply(V128 vector);
    }

    /** Adds one to each i32 lane, this many times: more bytecode than a JVM method may hold. */
    private static final int LARGE_INCREMENTS = 3_000;

    private static String module() {
        StringBuilder large = new StringBuilder();
        for (int i = 0; i < LARGE_INCREMENTS; i++) {
            large.append("(local.set 0 (i32x4.add (local.get 0) (v128.const i32x4 1 1 1 1)))\n");
        }
        return """
                (module
                  (import "host" "swap_halves" (func $swap_halves (param v128) (result v128)))
                  (import "host" "add_i64x2" (func $add_i64x2 (param v128 v128) (result v128)))
                  (type $unary (func (param v128) (result v128)))
                  (global $g (export "g") (mut v128) (v128.const i64x2 100 200))
                  (table funcref (elem $double $swap_halves))
                  (func $double (param v128) (result v128) (i32x4.add (local.get 0) (local.get 0)))
                  (func (export "through_hosts") (param v128) (result v128)
                    (global.set $g (call $add_i64x2 (call $swap_halves (local.get 0)) (global.get $g)))
                    (global.get $g))
                  (func (export "indirect") (param v128 i32) (result v128)
                    (call_indirect (type $unary) (local.get 0) (local.get 1)))
                  (func (export "with_count") (param v128) (result i32 v128) (i32.const 7) (local.get 0))
                  (func $large (export "large") (param v128) (result v128)
                """ + large + """
                    (call $double (local.get 0)))
                  (func (export "call_large") (param v128) (result v128) (call $large (local.get 0))))
                """;
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void vectorsCrossCallsHostsAndEngines(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine);
        Linker linker = new Linker(engine);
        linker.func(store, "host", "swap_halves", VectorUnary.class, v -> new V128(v.high(), v.low()));
        linker.func(store, "host", "add_i64x2", new FuncType(List.of(VecType.V128, VecType.V128), List.of(VecType.V128)),
                (caller, args) -> {
                    V128 a = args[0].asV128();
                    V128 b = args[1].asV128();
                    return new Value[] {Value.v128(new V128(a.low() + b.low(), a.high() + b.high()))};
                });
        Instance instance = linker.instantiate(store, engine.compile(Wat.parseModule(module())));
        if (mode == ExecutionMode.COMPILER) {
            assertThat(instance.func("through_hosts")).isInstanceOf(CompiledFunc.class);
            assertThat(instance.func("large")).isInstanceOf(CompiledFunc.class);
        }

        assertThat(call(instance, "through_hosts", Value.v128(new V128(1, 2)))).isEqualTo(new V128(102, 201));
        assertThat(instance.global("g").get().asV128()).isEqualTo(new V128(102, 201));
        assertThat(call(instance, "indirect", Value.v128(new V128(3, 4)), Value.i32(0))).isEqualTo(new V128(6, 8));
        assertThat(call(instance, "indirect", Value.v128(new V128(3, 4)), Value.i32(1))).isEqualTo(new V128(4, 3));
        Value[] results = instance.func("with_count").call(store, Value.v128(new V128(5, 6)));
        assertThat(results[0].asInt()).isEqualTo(7);
        assertThat(results[1].asV128()).isEqualTo(new V128(5, 6));
        long twiceIncremented = 2L * LARGE_INCREMENTS;
        V128 expected = new V128(twiceIncremented << 32 | twiceIncremented, twiceIncremented << 32 | twiceIncremented);
        assertThat(call(instance, "large", Value.v128(V128.ZERO))).isEqualTo(expected);
        assertThat(call(instance, "call_large", Value.v128(V128.ZERO))).isEqualTo(expected);
    }

    private static V128 call(Instance instance, String name, Value... args) {
        return instance.func(name).call(instance.store(), args)[0].asV128();
    }
}
