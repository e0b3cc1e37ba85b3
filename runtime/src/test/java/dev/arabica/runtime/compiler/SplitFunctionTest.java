package dev.arabica.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.format.model.V128;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.runtime.Value;
import dev.arabica.text.Wat;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Functions split into region methods behave as compiled whole and as interpreted: every way out
 * of a region (falling through, branching to a label outside it with values, returning, trapping),
 * locals of every type, values under a region on the stack, memory grown in a region, and fuel.
 * The limit of 16 bytes splits nearly every statement run into a method of its own.
 */
class SplitFunctionTest {

    /** How each test runs the module: interpreted, compiled whole, and compiled in small pieces. */
    enum Variant {
        INTERPRETER(ExecutionMode.INTERPRETER, 8_000),
        COMPILER(ExecutionMode.COMPILER, 8_000),
        SPLIT(ExecutionMode.COMPILER, 16);

        final ExecutionMode mode;
        final int limit;

        Variant(ExecutionMode mode, int limit) {
            this.mode = mode;
            this.limit = limit;
        }

        Engine.Builder engine() {
            return Engine.builder().mode(mode).compiledMethodLimit(limit);
        }
    }

    private static final String MODULE = """
            (module
              (memory (export "memory") 1)
              (func $id (param i32) (result i32) (local.get 0))
              (func (export "types") (param $n i32) (param $ref externref)
                  (result i32 i64 f32 f64 v128 externref)
                (local $i i32) (local $j i32) (local $a i32) (local $b i64) (local $c f32) (local $d f64)
                (local $v v128) (local $r externref)
                (loop $outer
                  (local.set $j (i32.const 0))
                  (loop $inner
                    (local.set $a (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $j))))
                    (local.set $b (i64.add (local.get $b) (i64.extend_i32_u (local.get $j))))
                    (local.set $c (f32.add (local.get $c) (f32.const 0.5)))
                    (local.set $d (f64.mul (f64.add (local.get $d) (f64.const 1)) (f64.const 1.0625)))
                    (local.set $v (i32x4.add (local.get $v) (v128.const i32x4 1 2 3 4)))
                    (local.set $r (local.get $ref))
                    (local.set $j (call $id (i32.add (local.get $j) (i32.const 1))))
                    (br_if $inner (i32.lt_u (local.get $j) (local.get $n))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
                (local.get $a) (local.get $b) (local.get $c) (local.get $d) (local.get $v) (local.get $r))
              (func (export "find") (param $n i32) (param $target i32) (result i32)
                (local $i i32) (local $j i32)
                (block $found (result i32)
                  (loop $rows
                    (local.set $j (i32.const 0))
                    (loop $columns
                      (drop (br_if $found (i32.mul (i32.const 1000) (local.get $i))
                        (i32.eq (i32.mul (local.get $i) (local.get $j)) (local.get $target))))
                      (if (i32.eq (local.get $j) (i32.const 99))
                        (then (return (i32.const -2))))
                      (local.set $j (i32.add (local.get $j) (i32.const 1)))
                      (br_if $columns (i32.lt_u (local.get $j) (local.get $n))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $rows (i32.lt_u (local.get $i) (local.get $n))))
                  (i32.const -1)))
              (func (export "table") (param $n i32) (result i32)
                (local $i i32) (local $sum i32)
                (block $done
                  (loop $outer
                    (block $skip
                      (loop $inner
                        (block $two
                          (block $one
                            (block $zero
                              (br_table $zero $one $two $skip $done (i32.rem_u (local.get $sum) (i32.const 7))))
                            (local.set $sum (i32.add (local.get $sum) (i32.const 3)))
                            (br $inner))
                          (local.set $sum (i32.add (local.get $sum) (i32.const 5)))
                          (br $inner))
                        (local.set $sum (i32.add (local.get $sum) (i32.const 1)))
                        (br $inner)))
                    (local.set $sum (i32.add (local.get $sum) (i32.const 2)))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $outer (i32.lt_u (local.get $i) (local.get $n)))))
                (i32.add (local.get $sum) (i32.mul (local.get $i) (i32.const 1000))))
              (func (export "params") (param $n i32) (result i32 i64)
                (local $i i32) (local $acc i64)
                i64.const 7
                (loop $outer (param i64) (result i64)
                  i32.const 100
                  (loop $inner (param i32) (result i32)
                    i32.const 1
                    i32.sub
                    local.get $i
                    i32.const 1
                    i32.add
                    local.tee $i
                    i32.const 3
                    i32.and
                    br_if $inner)
                  i64.extend_i32_s
                  i64.add
                  (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
                local.set $acc
                (i32.mul (local.get $i) (i32.const 3))
                (i64.add (local.get $acc) (i64.const 1)))
              (func (export "grow") (param $n i32) (result i32)
                (local $i i32) (local $j i32) (local $sum i32)
                (loop $outer
                  (local.set $j (i32.const 0))
                  (loop $inner
                    (drop (memory.grow (i32.const 1)))
                    (i32.store (i32.mul (memory.size) (i32.const 65532)) (local.get $j))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br_if $inner (i32.lt_u (local.get $j) (i32.const 2))))
                  (local.set $sum (i32.add (local.get $sum)
                    (i32.load (i32.mul (memory.size) (i32.const 65532)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
                (i32.add (local.get $sum) (memory.size)))
              (func (export "under") (param $n i32) (result i32)
                (local $i i32) (local $j i32) (local $sum i32)
                (loop $outer
                  (local.set $sum (i32.add (local.get $sum)
                    (i32.mul (i32.const 3)
                      (loop $inner (result i32)
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br_if $inner (i32.and (local.get $j) (i32.const 7)))
                        (local.get $j)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
                (local.get $sum))
              (func (export "deep") (param $n i32) (result i64)
                (local $i i32) (local $j i32) (local $k i32) (local $sum i64)
                (loop $l1
                  (local.set $j (i32.const 0))
                  (loop $l2
                    (local.set $k (i32.const 0))
                    (loop $l3
                      (local.set $sum (i64.add (local.get $sum)
                        (i64.extend_i32_u (i32.xor (local.get $i) (i32.mul (local.get $j) (local.get $k))))))
                      (local.set $k (i32.add (local.get $k) (i32.const 1)))
                      (br_if $l3 (i32.lt_u (local.get $k) (local.get $n))))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br_if $l2 (i32.lt_u (local.get $j) (local.get $n))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l1 (i32.lt_u (local.get $i) (local.get $n))))
                (local.get $sum))
              (func $trapping (export "trapping") (param $n i32) (result i32)
                (local $i i32) (local $j i32)
                (loop $outer
                  (local.set $j (local.get $n))
                  (loop $inner
                    (drop (i32.div_u (i32.const 1) (i32.sub (local.get $j) (local.get $i))))
                    (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                    (br_if $inner (local.get $j)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $outer))
                (i32.const 0)))
            """;

    private static Instance instantiate(Engine engine, Store store) {
        return new Linker(engine).instantiate(store, engine.compile(Wat.parseModule(MODULE)));
    }

    private static Value[] call(Variant variant, String name, Value... args) {
        Engine engine = variant.engine().build();
        Store store = new Store(engine);
        return instantiate(engine, store).func(name).call(store, args);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void localsOfEveryTypeComeBackFromTheInnerLoop(Variant mode) {
        Object ref = new Object();
        Value[] results = call(mode, "types", Value.i32(5), Value.externref(ref));
        assertThat(results[0].asInt()).isEqualTo(100);
        assertThat(results[1].asLong()).isEqualTo(50);
        assertThat(results[2].asFloat()).isEqualTo(12.5f);
        assertThat(results[3].asDouble()).isEqualTo(expectedDouble(25));
        assertThat(results[4].asV128()).isEqualTo(new V128(25L | 50L << 32, 75L | 100L << 32));
        assertThat(results[5].ref()).isSameAs(ref);
    }

    private static double expectedDouble(int steps) {
        double d = 0;
        for (int i = 0; i < steps; i++) {
            d = (d + 1) * 1.0625;
        }
        return d;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void branchesOutOfTheInnerLoopCarryTheirValues(Variant mode) {
        assertThat(call(mode, "find", Value.i32(10), Value.i32(42))[0].asInt()).isEqualTo(6000);
        assertThat(call(mode, "find", Value.i32(10), Value.i32(97))[0].asInt()).isEqualTo(-1);
        assertThat(call(mode, "find", Value.i32(200), Value.i32(-5))[0].asInt()).isEqualTo(-2);
        assertThat(call(mode, "table", Value.i32(20))[0].asInt()).isEqualTo(expectedTable(20));
    }

    private static int expectedTable(int n) {
        int i = 0;
        int sum = 0;
        while (true) {
            inner:
            while (true) {
                switch (Integer.remainderUnsigned(sum, 7)) {
                    case 0 -> sum += 3;
                    case 1 -> sum += 5;
                    case 2 -> sum += 1;
                    case 3 -> {
                        break inner;
                    }
                    default -> {
                        return sum + i * 1000;
                    }
                }
            }
            sum += 2;
            i++;
            if (Integer.compareUnsigned(i, n) >= 0) {
                return sum + i * 1000;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void loopsWithParametersAndValuesUnderThem(Variant mode) {
        // The inner loop counts down from 100 until i is a multiple of 4: i reaches 12 in three outer passes.
        Value[] params = call(mode, "params", Value.i32(10));
        assertThat(params[0].asInt()).isEqualTo(36);
        assertThat(params[1].asLong()).isEqualTo(7 + 3 * 96 + 1);
        assertThat(call(mode, "under", Value.i32(4))[0].asInt()).isEqualTo(3 * (8 + 16 + 24 + 32));
        assertThat(call(mode, "deep", Value.i32(12))[0].asLong()).isEqualTo(expectedDeep(12));
    }

    private static long expectedDeep(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    sum += Integer.toUnsignedLong(i ^ (j * k));
                }
            }
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void memoryGrownInTheInnerLoopIsSeenAfterIt(Variant mode) {
        // Each outer pass grows twice and reads back, from the last page, what the inner loop stored there.
        assertThat(call(mode, "grow", Value.i32(3))[0].asInt()).isEqualTo(3 + 7);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aTrapInTheInnerLoopHasTheFunctionOnceInItsBacktrace(Variant mode) {
        assertThatThrownBy(() -> call(mode, "trapping", Value.i32(3))).isInstanceOfSatisfying(Trap.class, trap -> {
            assertThat(trap.kind()).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
            assertThat(trap.backtrace()).extracting(Trap.Frame::functionIndex).containsExactly(8);
        });
    }

    @Test
    void fuelSpentInInnerLoopsIsTheSameInBothEngines() {
        long[] left = new long[Variant.values().length];
        for (Variant variant : Variant.values()) {
            Engine engine = variant.engine().consumeFuel(true).build();
            Store store = new Store(engine);
            Instance instance = instantiate(engine, store);
            store.setFuel(10_000_000);
            instance.func("deep").call(store, Value.i32(20));
            instance.func("table").call(store, Value.i32(50));
            left[variant.ordinal()] = store.fuel();
            store.setFuel(40_000);
            assertThatThrownBy(() -> instance.func("deep").call(store, Value.i32(100))).isInstanceOf(Trap.class)
                    .hasMessage("all fuel consumed");
            assertThat(store.fuel()).isZero();
        }
        assertThat(left[0]).isEqualTo(left[1]).isEqualTo(left[2]).isLessThan(10_000_000 - 20 * 20 * 20);
    }

    @Test
    void onlyFunctionsOverTheLimitAreSplit() throws Exception {
        CompiledModule whole = Engine.builder().build().compile(Wat.parseModule(MODULE));
        CompiledModule split = Variant.SPLIT.engine().build().compile(Wat.parseModule(MODULE));
        assertThat(regionMethods(whole.code(), 7)).isEmpty();
        assertThat(regionMethods(split.code(), 7)).hasSizeGreaterThan(3);
        assertThat(regionMethods(split.code(), 0)).isEmpty();
    }

    /** A function of 3,000 statements passes 8,000 bytes of bytecode; split, it runs compiled. */
    @Test
    void aFunctionOverTheDefaultLimitIsSplitAndRuns() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            body.append("(local.set 1 (i32.add (i32.mul (local.get 1) (i32.const 31)) (local.get 0)))\n");
        }
        String module = "(module (func (export \"mix\") (param i32) (result i32) (local i32)\n" + body + "(local.get 1)))";
        Engine engine = Engine.builder().build();
        CompiledModule compiled = engine.compile(Wat.parseModule(module));
        assertThat(regionMethods(compiled.code(), 0)).isNotEmpty();
        Store store = new Store(engine);
        int expected = 0;
        for (int i = 0; i < 3_000; i++) {
            expected = expected * 31 + 7;
        }
        assertThat(new Linker(engine).instantiate(store, compiled).func("mix").call(store, Value.i32(7))[0].asInt())
                .isEqualTo(expected);
    }

    private static List<String> regionMethods(CompiledCode code, int function) throws ClassNotFoundException {
        Class<?> generated = code.generatedClass(function);
        return Arrays.stream(generated.getDeclaredMethods())
                .filter(method -> Modifier.isPrivate(method.getModifiers()))
                .map(Method::getName)
                .toList();
    }
}
