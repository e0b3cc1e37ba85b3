package dev.arabica.bench.jmh;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import dev.arabica.text.Wat;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compiled code's hot paths, each a loop of 1,000 iterations inside WebAssembly so that the
 * call from Java does not dominate: memory loads, memory stores, direct calls, indirect calls and
 * calls to a host function. Scores are nanoseconds per loop of 1,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {

    private static final String MODULE = """
            (module
              (import "host" "inc" (func $host_inc (param i32) (result i32)))
              (memory 1)
              (type $unary (func (param i32) (result i32)))
              (table funcref (elem $inc $dec))
              (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func $dec (param i32) (result i32) (i32.sub (local.get 0) (i32.const 1)))
              (func (export "loads") (result i32) (local $i i32) (local $sum i32)
                (loop $next
                  (local.set $sum (i32.add (local.get $sum)
                    (i32.load (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xFFFC)))))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1000))))
                (local.get $sum))
              (func (export "stores") (local $i i32)
                (loop $next
                  (i32.store (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xFFFC)) (local.get $i))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1000)))))
              (func (export "direct") (result i32) (local $i i32) (local $x i32)
                (loop $next
                  (local.set $x (call $inc (local.get $x)))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1000))))
                (local.get $x))
              (func (export "indirect") (result i32) (local $i i32) (local $x i32)
                (loop $next
                  (local.set $x (call_indirect (type $unary) (local.get $x) (i32.and (local.get $i) (i32.const 1))))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1000))))
                (local.get $x))
              (func (export "host") (result i32) (local $i i32) (local $x i32)
                (loop $next
                  (local.set $x (call $host_inc (local.get $x)))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1000))))
                (local.get $x)))""";

    private Store store;
    private Func loads;
    private Func stores;
    private Func direct;
    private Func indirect;
    private Func host;

    @Setup
    public void setUp() {
        Engine engine = Engine.builder().build();
        store = new Store(engine);
        Linker linker = new Linker(engine);
        linker.func(store, "host", "inc", IntUnaryOperator.class, x -> x + 1);
        Instance instance = linker.instantiate(store, engine.compile(Wat.parseModule(MODULE)));
        loads = instance.func("loads");
        stores = instance.func("stores");
        direct = instance.func("direct");
        indirect = instance.func("indirect");
        host = instance.func("host");
    }

    @Benchmark
    public Value[] memoryLoad() {
        return loads.call(store);
    }

    @Benchmark
    public Value[] memoryStore() {
        return stores.call(store);
    }

    @Benchmark
    public Value[] directCall() {
        return direct.call(store);
    }

    @Benchmark
    public Value[] indirectCall() {
        return indirect.call(store);
    }

    @Benchmark
    public Value[] hostCall() {
        return host.call(store);
    }
}
