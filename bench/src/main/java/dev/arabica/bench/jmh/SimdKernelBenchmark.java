package dev.arabica.bench.jmh;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import dev.arabica.text.Wat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SIMD kernels over two arrays of 1,024 32-bit lanes in linear memory, in both engines: {@code
 * saxpy} (y = a * x + y in f32x4), {@code dot} (an i32x4 dot product whose accumulator is a v128
 * local carried around the loop), and {@code saxpyScalar}, the same saxpy one f32 at a time, for
 * comparison with compiled scalar code. Scores are nanoseconds per call of 1,024 lanes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimdKernelBenchmark {

    private static final String MODULE = """
            (module
              (memory 1)
              (func (export "saxpy") (param $a f32) (local $i i32) (local $va v128)
                (local.set $va (f32x4.splat (local.get $a)))
                (loop $next
                  (v128.store offset=4096 (local.get $i)
                    (f32x4.add (f32x4.mul (local.get $va) (v128.load (local.get $i)))
                               (v128.load offset=4096 (local.get $i))))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 4096)))))
              (func (export "saxpy_scalar") (param $a f32) (local $i i32)
                (loop $next
                  (f32.store offset=4096 (local.get $i)
                    (f32.add (f32.mul (local.get $a) (f32.load (local.get $i)))
                             (f32.load offset=4096 (local.get $i))))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 4096)))))
              (func (export "dot") (result i32) (local $i i32) (local $sum v128)
                (loop $next
                  (local.set $sum (i32x4.add (local.get $sum)
                    (i32x4.mul (v128.load (local.get $i)) (v128.load offset=4096 (local.get $i)))))
                  (br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 16))) (i32.const 4096))))
                (i32.add (i32.add (i32x4.extract_lane 0 (local.get $sum)) (i32x4.extract_lane 1 (local.get $sum)))
                         (i32.add (i32x4.extract_lane 2 (local.get $sum)) (i32x4.extract_lane 3 (local.get $sum))))))""";

    @Param({"COMPILER", "INTERPRETER"})
    public ExecutionMode mode;

    private Store store;
    private Func saxpy;
    private Func saxpyScalar;
    private Func dot;
    private final Value factor = Value.f32(1.0001f);

    @Setup
    public void setUp() {
        Engine engine = Engine.builder().mode(mode).build();
        store = new Store(engine);
        Instance instance = new Linker(engine).instantiate(store, engine.compile(Wat.parseModule(MODULE)));
        saxpy = instance.func("saxpy");
        saxpyScalar = instance.func("saxpy_scalar");
        dot = instance.func("dot");
    }

    @Benchmark
    public Value[] saxpy() {
        return saxpy.call(store, factor);
    }

    @Benchmark
    public Value[] saxpyScalar() {
        return saxpyScalar.call(store, factor);
    }

    @Benchmark
    public Value[] dot() {
        return dot.call(store);
    }
}
