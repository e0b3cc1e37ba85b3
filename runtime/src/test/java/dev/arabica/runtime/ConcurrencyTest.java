package dev.arabica.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.text.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** One engine and one compiled module shared by many threads, each with its own stores. */
class ConcurrencyTest {

    private static final String MODULE = """
            (module
              (memory (export "memory") 1)
              (table 2 funcref)
              (elem (i32.const 0) $square $triple)
              (type $unary (func (param i32) (result i32)))
              (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
              (func $triple (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
              (func (export "work") (param i32) (result i32) (local $i i32) (local $sum i32)
                (i32.store (i32.const 16) (local.get 0))
                (loop $next
                  (local.set $sum (i32.add (local.get $sum)
                    (call_indirect (type $unary) (local.get $i) (i32.and (local.get $i) (i32.const 1)))))
                  (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get 0))))
                (i32.add (local.get $sum) (i32.load (i32.const 16)))))""";

    private static int expected(int n) {
        int sum = 0;
        for (int i = 0; i < Math.max(n, 1); i++) {
            sum += (i & 1) == 0 ? i * i : i * 3;
        }
        return sum + n;
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void sixteenThreadsInstantiateCallAndDiscardAThousandTimesEach(ExecutionMode mode) throws Exception {
        Engine engine = Engine.builder().mode(mode).build();
        CompiledModule module = engine.compile(Wat.parseModule(MODULE));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int seed = t;
                results.add(threads.submit(() -> {
                    int checked = 0;
                    for (int cycle = 0; cycle < 1000; cycle++) {
                        Store store = new Store(engine);
                        Instance instance = new Linker(engine).instantiate(store, module);
                        int n = (seed * 1000 + cycle) % 50;
                        assertThat(instance.func("work").call(store, Value.i32(n))[0].asInt()).isEqualTo(expected(n));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isEqualTo(1000);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStoreInUseByAnotherThreadIsRefused() throws Exception {
        Engine engine = Engine.builder().build();
        Store store = new Store(engine);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Linker linker = new Linker(engine);
        linker.func(store, "host", "wait", IntUnaryOperator.class, x -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return x;
        });
        Instance instance = linker.instantiate(store, engine.compile(Wat.parseModule("""
                (module
                  (import "host" "wait" (func $wait (param i32) (result i32)))
                  (func (export "blocking") (result i32) (call $wait (i32.const 7)))
                  (func (export "quick") (result i32) (i32.const 1)))""")));
        Thread holder = new Thread(() -> instance.func("blocking").call(store), "holder");
        holder.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> instance.func("quick").call(store)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by thread \"holder\"");
        release.countDown();
        holder.join(10_000);
        assertThat(instance.func("quick").call(store)[0].asInt()).isEqualTo(1);
    }
}
