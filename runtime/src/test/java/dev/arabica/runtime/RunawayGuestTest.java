package dev.arabica.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.format.model.FuncType;
import dev.arabica.text.Wat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Guests that grow, recurse or declare without end are stopped at the store's caps, with clear messages. */
class RunawayGuestTest {

    private static final String GROWER = """
            (module
              (memory (export "memory") 1)
              (table 0 funcref)
              (func (export "grow_memory") (result i32) (local $grown i32)
                (block $refused
                  (loop $more
                    (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
                    (local.set $grown (i32.add (local.get $grown) (i32.const 1)))
                    (br $more)))
                (local.get $grown))
              (func (export "grow_table") (result i32) (local $grown i32)
                (block $refused
                  (loop $more
                    (br_if $refused (i32.eq (table.grow (ref.null func) (i32.const 100)) (i32.const -1)))
                    (local.set $grown (i32.add (local.get $grown) (i32.const 1)))
                    (br $more)))
                (local.get $grown))
              (func $down (export "down") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0))
                  (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
              (func $forever (export "forever") (call $forever)))""";

    private static final StoreLimits CAPS = StoreLimits.NONE.withMemoryBytes(16 * Memory.PAGE_SIZE)
            .withTableElements(1_000);

    private static Instance instantiate(Engine engine, Store store) {
        return new Linker(engine).instantiate(store, engine.compile(Wat.parseModule(GROWER)));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void runawayGrowthIsRefusedAtTheCap(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine, CAPS);
        Instance instance = instantiate(engine, store);
        assertThat(instance.func("grow_memory").call(store)[0].asInt()).isEqualTo(15);
        assertThat(instance.memory("memory").pages()).isEqualTo(16);
        assertThat(instance.func("grow_table").call(store)[0].asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void growthPastTheCapCanTrapInstead(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine, CAPS.withTrapOnGrowFailure(true));
        Instance instance = instantiate(engine, store);
        assertThatThrownBy(() -> instance.func("grow_memory").call(store)).isInstanceOfSatisfying(Trap.class, trap -> {
            assertThat(trap.kind()).isEqualTo(TrapKind.STORE_LIMIT_EXCEEDED);
            assertThat(trap).hasMessage("memory.grow by 1 pages would pass the store's limit of 1048576 bytes of "
                    + "memory (1048576 in use)");
        });
        assertThatThrownBy(() -> instance.func("grow_table").call(store)).isInstanceOf(Trap.class)
                .hasMessage("table.grow by 100 elements would pass the store's limit of 1000 table elements (1000 in use)");
        assertThat(instance.memory("memory").pages()).isEqualTo(16);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void unboundedRecursionTrapsAtTheDepthLimitAndTheStoreStaysUsable(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).maxCallDepth(500).build();
        Store store = new Store(engine);
        Instance instance = instantiate(engine, store);
        assertThatThrownBy(() -> instance.func("forever").call(store)).isInstanceOfSatisfying(Trap.class, trap -> {
            assertThat(trap.kind()).isEqualTo(TrapKind.CALL_STACK_EXHAUSTED);
            assertThat(trap).hasMessage("call stack exhausted");
        });
        assertThat(instance.func("down").call(store, Value.i32(499))[0].asInt()).isEqualTo(499);
        assertThatThrownBy(() -> instance.func("down").call(store, Value.i32(500))).isInstanceOf(Trap.class)
                .hasMessage("call stack exhausted");
        assertThat(instance.func("down").call(store, Value.i32(10))[0].asInt()).isEqualTo(10);
    }

    @Test
    void callsBetweenInterpretedCompiledAndHostCodeDoNotAddUpDepth() {
        Engine engine = Engine.builder().maxCallDepth(10).build();
        Store store = new Store(engine);
        Linker linker = new Linker(engine);
        linker.func(store, "host", "nothing", new FuncType(List.of(), List.of()), (caller, args) -> new Value[0]);
        // The v128 local keeps "outer" in the interpreter while "inner" is compiled.
        Instance instance = linker.instantiate(store, engine.compile(Wat.parseModule("""
                (module
                  (import "host" "nothing" (func $nothing))
                  (func $inner (call $nothing))
                  (func (export "outer") (param $n i32) (local v128)
                    (loop $again
                      (call $inner)
                      (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))""")));
        instance.func("outer").call(store, Value.i32(100));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theDefaultDepthLimitTrapsBeforeTheStackOfAGuestThreadRunsOut(ExecutionMode mode) throws InterruptedException {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine);
        Instance instance = instantiate(engine, store);
        Throwable[] thrown = new Throwable[1];
        Thread guest = new Thread(null, () -> {
            try {
                instance.func("forever").call(store);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "guest", engine.guestStackBytes());
        guest.start();
        guest.join();
        assertThat(thrown[0]).isInstanceOf(Trap.class).hasMessage("call stack exhausted");
        // A frame per call: the limit, not the JVM's stack overflow (which records none), stopped it.
        assertThat(((Trap) thrown[0]).backtrace()).hasSize(engine.maxCallDepth());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void hugeDeclaredSizesAreRefusedBeforeAnythingIsAllocated(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        Store store = new Store(engine, CAPS);
        long heapBefore = usedHeap();
        assertThatThrownBy(() -> new Linker(engine).instantiate(store,
                engine.compile(Wat.parseModule("(module (memory 30000))")))).isInstanceOf(LinkException.class)
                .hasMessage("memory of 1966080000 bytes exceeds the store's limit of 1048576 bytes (0 in use)");
        assertThatThrownBy(() -> new Linker(engine).instantiate(store,
                engine.compile(Wat.parseModule("(module (table 5000000 funcref))")))).isInstanceOf(LinkException.class)
                .hasMessage("table of 5000000 elements exceeds the store's limit of 1000 elements");
        assertThat(usedHeap() - heapBefore).isLessThan(64L << 20);
        assertThatThrownBy(() -> new Linker(engine).instantiate(store,
                engine.compile(Wat.parseModule("(module (memory 65536))")))).isInstanceOf(LinkException.class)
                .hasMessage("memory of 65536 pages is larger than this runtime supports (32767 pages)");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
