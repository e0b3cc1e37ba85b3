package dev.arabica.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.ValType;
import dev.arabica.text.Wat;
import dev.arabica.format.model.V128;
import java.util.List;
import java.util.function.IntBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The embedding API, run with each engine by the subclasses. */
abstract class EmbeddingTest {

    abstract ExecutionMode mode();

    private final Engine engine = Engine.builder().mode(mode()).build();
    private final Store store = new Store(engine);
    private final Linker linker = new Linker(engine);

    private Instance instantiate(String wat) {
        return linker.instantiate(store, engine.compile(Wat.parseModule(wat)));
    }

    @Test
    void callsAnExportedFunction() {
        Instance instance = instantiate("""
                (module (func (export "fac") (param i64) (result i64)
                  (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 1))
                    (else (i64.mul (local.get 0) (call 0 (i64.sub (local.get 0) (i64.const 1))))))))""");
        assertThat(instance.func("fac").call(store, Value.i64(20))[0].asLong()).isEqualTo(2432902008176640000L);
    }

    @Test
    void passesEveryNumberTypeToAndFromAHostFunction() {
        FuncType type = new FuncType(List.of(ValType.I32, ValType.I64, ValType.F32, ValType.F64),
                List.of(ValType.F64, ValType.I32));
        linker.func(store, "host", "mix", type, (caller, args) -> new Value[] {
            Value.f64(args[0].asInt() + args[1].asLong() + args[2].asFloat() + args[3].asDouble()),
            Value.i32(args.length)});
        Instance instance = instantiate("""
                (module (import "host" "mix" (func $mix (param i32 i64 f32 f64) (result f64 i32)))
                  (func (export "run") (result f64 i32)
                    (call $mix (i32.const 1) (i64.const 2) (f32.const 0.5) (f64.const 0.25))))""");
        Value[] results = instance.func("run").call(store);
        assertThat(results[0].asDouble()).isEqualTo(3.75);
        assertThat(results[1].asInt()).isEqualTo(4);
    }

    @Test
    void hostFunctionsMayCallBackIntoWebAssembly() {
        Instance[] self = new Instance[1];
        linker.func(store, "host", "twice", new FuncType(List.of(ValType.I32), List.of(ValType.I32)),
                (caller, args) -> new Value[] {Value.i32(
                        self[0].func("inc").call(store, self[0].func("inc").call(store, args[0]))[0].asInt())});
        self[0] = instantiate("""
                (module (import "host" "twice" (func $twice (param i32) (result i32)))
                  (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
                  (func (export "run") (param i32) (result i32) (i32.mul (call $twice (local.get 0)) (i32.const 10))))""");
        assertThat(self[0].func("run").call(store, Value.i32(5))[0].asInt()).isEqualTo(70);
    }

    @Test
    void trapsCarryTheirKindAndTheWebAssemblyFrames() {
        Instance instance = instantiate("""
                (module (func $inner (result i32) (i32.div_s (i32.const 1) (i32.const 0)))
                  (func (export "outer") (result i32) (call $inner)))""");
        assertThatThrownBy(() -> instance.func("outer").call(store))
                .isInstanceOfSatisfying(Trap.class, trap -> {
                    assertThat(trap.kind()).isEqualTo(TrapKind.INTEGER_DIVIDE_BY_ZERO);
                    assertThat(trap.backtrace()).extracting(Trap.Frame::functionIndex).containsExactly(0, 1);
                });
    }

    @Test
    void exhaustingTheStackTrapsAndTheStoreStaysUsable() {
        Instance instance = instantiate("""
                (module (func $loop (export "loop") (call $loop))
                  (func (export "ok") (result i32) (i32.const 7)))""");
        assertThatThrownBy(() -> instance.func("loop").call(store))
                .isInstanceOfSatisfying(Trap.class, trap -> assertThat(trap.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED));
        assertThat(instance.func("ok").call(store)[0].asInt()).isEqualTo(7);
    }

    @Test
    void javaReadsAndWritesExportedMemory() {
        Instance instance = instantiate("""
                (module (memory (export "mem") 1)
                  (func (export "sum") (result i32) (i32.add (i32.load (i32.const 0)) (i32.load (i32.const 4)))))""");
        Memory memory = instance.memory("mem");
        memory.writeInt(0, 40);
        memory.writeInt(4, 2);
        assertThat(instance.func("sum").call(store)[0].asInt()).isEqualTo(42);
        assertThat(memory.grow(1)).isEqualTo(1);
        assertThatThrownBy(() -> memory.readInt(2 * Memory.PAGE_SIZE - 2)).isInstanceOf(Trap.class);
    }

    @Test
    void tablesHoldJavaObjectsAsExternrefs() {
        Instance instance = instantiate("""
                (module (table (export "t") 2 externref)
                  (func (export "get") (param i32) (result externref) (table.get (local.get 0)))
                  (func (export "set") (param i32 externref) (table.set (local.get 0) (local.get 1))))""");
        Object token = new StringBuilder("mine");
        instance.func("set").call(store, Value.i32(1), Value.externref(token));
        assertThat(instance.func("get").call(store, Value.i32(1))[0].ref()).isSameAs(token);
        assertThat(instance.table("t").get(0)).isNull();
    }

    @Test
    void instancesLinkToEachOther() {
        Instance library = instantiate("(module (func (export \"seven\") (result i32) (i32.const 7)) (global (export \"g\") i32 (i32.const 3)))");
        linker.instance("lib", library);
        Instance client = instantiate("""
                (module (import "lib" "seven" (func $seven (result i32))) (import "lib" "g" (global $g i32))
                  (func (export "run") (result i32) (i32.add (call $seven) (global.get $g))))""");
        assertThat(client.func("run").call(store)[0].asInt()).isEqualTo(10);
    }

    @Test
    void globalsReadAfterCallsAndHostWritesSeeTheNewValues() {
        Instance library = instantiate("(module (global (export \"shared\") (mut i64) (i64.const 5)))");
        linker.instance("lib", library);
        Global host = new Global(GlobalType.of(NumType.F64, true), Value.f64(1.5));
        linker.define("host", "scale", host);
        Instance instance = instantiate("""
                (module
                  (import "lib" "shared" (global $shared (mut i64)))
                  (import "host" "scale" (global $scale (mut f64)))
                  (global $count (mut i32) (i32.const 0))
                  (func $bump
                    (global.set $count (i32.add (global.get $count) (i32.const 10)))
                    (global.set $shared (i64.mul (global.get $shared) (i64.const 3)))
                    (global.set $scale (f64.mul (global.get $scale) (f64.const 2))))
                  (func (export "run") (result i64)
                    (local $before i64)
                    (local.set $before
                      (i64.add (i64.extend_i32_u (global.get $count))
                               (i64.add (global.get $shared) (i64.trunc_f64_s (global.get $scale)))))
                    (call $bump)
                    (i64.add (local.get $before)
                      (i64.mul (i64.const 1000)
                        (i64.add (i64.extend_i32_u (global.get $count))
                                 (i64.add (global.get $shared) (i64.trunc_f64_s (global.get $scale))))))))""");

        // Before the call: 0 + 5 + 1; after it: 10 + 15 + 3.
        assertThat(instance.func("run").call(store)[0].asLong()).isEqualTo(6 + 1000 * 28);
        host.set(Value.f64(100.0));
        library.global("shared").set(Value.i64(1));
        // Before: 10 + 1 + 100; after: 20 + 3 + 200.
        assertThat(instance.func("run").call(store)[0].asLong()).isEqualTo(111 + 1000 * 223);
        assertThat(host.get().asDouble()).isEqualTo(200.0);
        assertThat(library.global("shared").get().asLong()).isEqualTo(3);
    }

    @Test
    void linkErrorsNameTheImportAndTheMismatch() {
        assertThatThrownBy(() -> instantiate("(module (import \"nowhere\" \"f\" (func)))"))
                .isInstanceOf(LinkException.class).hasMessageContaining("unknown import").hasMessageContaining("\"nowhere\" \"f\"");
        linker.func(store, "host", "f", new FuncType(List.of(ValType.I32), List.of()), (caller, args) -> new Value[0]);
        assertThatThrownBy(() -> instantiate("(module (import \"host\" \"f\" (func (param i64))))"))
                .isInstanceOf(LinkException.class).hasMessageContaining("incompatible import type")
                .hasMessageContaining("(param i32)");
    }

    @Test
    void callsAreCheckedAgainstTheSignature() {
        Instance instance = instantiate("(module (func (export \"f\") (param i32)))");
        assertThatThrownBy(() -> instance.func("f").call(store, Value.i64(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be i32");
        assertThatThrownBy(() -> instance.func("f").call(store))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments");
    }

    @Test
    void storeMemoryCapRefusesGrowthBeyondIt() {
        Store capped = new Store(engine, 2L * Memory.PAGE_SIZE, Long.MAX_VALUE);
        Instance instance = linker.instantiate(capped, engine.compile(Wat.parseModule(
                "(module (memory 1) (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0))))")));
        assertThat(instance.func("grow").call(capped, Value.i32(1))[0].asInt()).isEqualTo(1);
        assertThat(instance.func("grow").call(capped, Value.i32(1))[0].asInt()).isEqualTo(-1);
        assertThatThrownBy(() -> linker.instantiate(capped, engine.compile(Wat.parseModule("(module (memory 3))"))))
                .isInstanceOf(LinkException.class).hasMessageContaining("exceeds the store's limit");
    }

    @Test
    void funcrefsCrossTheBoundary() {
        Instance instance = instantiate("""
                (module (func $f (result i32) (i32.const 9)) (elem declare func $f)
                  (func (export "ref") (result funcref) (ref.func $f)))""");
        Object ref = instance.func("ref").call(store)[0].ref();
        assertThat(ref).isInstanceOf(Func.class);
        assertThat(((Func) ref).call(store)[0].asInt()).isEqualTo(9);
    }

    interface Everything {
        double apply(Caller caller, int i, long l, float f, double d, V128 v, Object extern, Func func);
    }

    @Test
    void typedLambdasAreHostFunctionsWithTheirJavaSignature() {
        linker.func(store, "host", "add", IntBinaryOperator.class, (a, b) -> a + b);
        linker.func(store, "host", "neg", LongUnaryOperator.class, a -> -a);
        Object[] seen = new Object[3];
        linker.func(store, "host", "all", Everything.class, (caller, i, l, f, d, v, extern, func) -> {
            seen[0] = v;
            seen[1] = extern;
            seen[2] = func.call(store)[0].asInt();
            return i + l + f + d;
        });
        Instance instance = instantiate("""
                (module
                  (import "host" "add" (func $add (param i32 i32) (result i32)))
                  (import "host" "neg" (func $neg (param i64) (result i64)))
                  (import "host" "all" (func $all (param i32 i64 f32 f64 v128 externref funcref) (result f64)))
                  (func $five (result i32) (i32.const 5)) (elem declare func $five)
                  (func (export "add") (result i32) (call $add (i32.const 40) (i32.const 2)))
                  (func (export "neg") (result i64) (call $neg (i64.const 9)))
                  (func (export "all") (param externref) (result f64)
                    (call $all (i32.const 1) (i64.const 2) (f32.const 0.5) (f64.const 0.25)
                      (v128.const i64x2 3 4) (local.get 0) (ref.func $five))))""");
        assertThat(instance.func("add").call(store)[0].asInt()).isEqualTo(42);
        assertThat(instance.func("neg").call(store)[0].asLong()).isEqualTo(-9);
        Object token = new Object();
        assertThat(instance.func("all").call(store, Value.externref(token))[0].asDouble()).isEqualTo(3.75);
        assertThat(seen).containsExactly(new V128(3, 4), token, 5);
    }

    @Test
    void typedLambdasWithTypesWebAssemblyLacksAreRefused() {
        interface Strings {
            String apply(String s);
        }
        assertThatThrownBy(() -> linker.func(store, "host", "s", Strings.class, s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String")
                .hasMessageContaining("no WebAssembly type");
    }

    @Test
    void hostExceptionsReachTheCallerUnchanged() {
        IllegalStateException failure = new IllegalStateException("host failed");
        linker.func(store, "host", "fail", Runnable.class, () -> {
            throw failure;
        });
        Instance instance = instantiate("(module (import \"host\" \"fail\" (func $f)) (func (export \"run\") (call $f)))");
        assertThatThrownBy(() -> instance.func("run").call(store)).isSameAs(failure);
    }

    @Test
    void reentrantCallsLeaveTheCallersFrameIntact() {
        Instance[] self = new Instance[1];
        linker.func(store, "host", "square", IntUnary.class, x -> self[0].func("square").call(store, Value.i32(x))[0].asInt());
        self[0] = instantiate("""
                (module (import "host" "square" (func $host (param i32) (result i32)))
                  (func (export "square") (param i32) (result i32) (local i32 i32)
                    (local.set 1 (i32.const 1000)) (local.set 2 (i32.const 77))
                    (i32.mul (local.get 0) (local.get 0)))
                  (func (export "run") (param i32) (result i32) (local i32 i32)
                    (local.set 1 (i32.const 100)) (local.set 2 (i32.const 10))
                    (i32.add (i32.add (local.get 1) (local.get 2))
                      (i32.add (local.get 0) (call $host (local.get 0))))))""");
        assertThat(self[0].func("run").call(store, Value.i32(3))[0].asInt()).isEqualTo(100 + 10 + 3 + 9);
    }

    interface IntUnary {
        int apply(int x);
    }

    @Test
    void hostFunctionsSeeTheCallingInstancesMemory() {
        interface Sum {
            int apply(Caller caller, int address, int count);
        }
        linker.func(store, "host", "sum", Sum.class, (caller, address, count) -> {
            Memory memory = caller.memory("mem").orElseThrow();
            int sum = 0;
            for (int i = 0; i < count; i++) {
                sum += memory.readInt(address + 4 * i);
            }
            return sum;
        });
        Instance instance = instantiate("""
                (module (import "host" "sum" (func $sum (param i32 i32) (result i32)))
                  (memory (export "mem") 1) (data (i32.const 16) "\\01\\00\\00\\00\\02\\00\\00\\00\\03\\00\\00\\00")
                  (func (export "run") (result i32) (call $sum (i32.const 16) (i32.const 3))))""");
        assertThat(instance.func("run").call(store)[0].asInt()).isEqualTo(6);
    }

    @Test
    void backtracesUseTheNamesOfTheNameSection() {
        Instance instance = instantiate("""
                (module (func $inner (unreachable))
                  (func $middle (call $inner))
                  (func (export "outer") (call $middle)))""");
        assertThatThrownBy(() -> instance.func("outer").call(store))
                .isInstanceOfSatisfying(Trap.class, trap -> {
                    assertThat(trap.backtrace()).extracting(Trap.Frame::name).containsExactly("inner", "middle", null);
                    assertThat(trap.getMessage()).contains("unreachable");
                });
    }

    @Test
    void storeLimitsCountInstancesTablesAndMemoriesAndCapGrowth() {
        Store limited = new Store(engine, StoreLimits.NONE.withInstances(2).withMemories(1).withTables(1)
                .withMemoryBytes(3L * Memory.PAGE_SIZE).withTableElements(10));
        CompiledModule withMemory = engine.compile(Wat.parseModule(
                "(module (memory (export \"m\") 1) (table (export \"t\") 2 funcref)"
                        + " (func (export \"grow\") (param i32) (result i32) (memory.grow (local.get 0)))"
                        + " (func (export \"growTable\") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))"));
        Instance first = new Linker(engine).instantiate(limited, withMemory);
        assertThat(first.func("grow").call(limited, Value.i32(2))[0].asInt()).isEqualTo(1);
        assertThat(first.func("grow").call(limited, Value.i32(1))[0].asInt()).isEqualTo(-1);
        assertThat(first.func("growTable").call(limited, Value.i32(8))[0].asInt()).isEqualTo(2);
        assertThat(first.func("growTable").call(limited, Value.i32(1))[0].asInt()).isEqualTo(-1);
        assertThatThrownBy(() -> new Linker(engine).instantiate(limited, withMemory)).isInstanceOf(LinkException.class)
                .hasMessageContaining("past the store's limit of 1");
        new Linker(engine).instantiate(limited, engine.compile(Wat.parseModule("(module)")));
        assertThatThrownBy(() -> new Linker(engine).instantiate(limited, engine.compile(Wat.parseModule("(module)"))))
                .isInstanceOf(LinkException.class).hasMessageContaining("limit of 2 instances");
    }
}
