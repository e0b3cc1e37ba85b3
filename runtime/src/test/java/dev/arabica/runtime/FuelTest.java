package dev.arabica.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Opcode;
import dev.arabica.text.Wat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fuel stops runaway guests in both engines, counts the same in both, and can be refilled. */
class FuelTest {

    private static final String MODULE = """
            (module
              (memory (export "memory") 1)
              (table funcref (elem $square $double))
              (type $unary (func (param i32) (result i32)))
              (func (export "spin") (loop $forever (br $forever)))
              (func (export "three") (result i32) (i32.add (i32.const 1) (i32.const 2)))
              (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
              (func $double (param i32) (result i32) (i32.shl (local.get 0) (i32.const 1)))
              (func (export "mixed") (param $n i32) (result i32) (local $i i32) (local $sum i32)
                (loop $next
                  (block $odd
                    (block $even
                      (br_table $even $odd (i32.and (local.get $i) (i32.const 1))))
                    (local.set $sum (i32.add (local.get $sum)
                      (call_indirect (type $unary) (local.get $i) (i32.const 0))))
                    (br $next (local.tee $i (i32.add (local.get $i) (i32.const 1)))))
                  (if (i32.gt_u (local.get $i) (i32.const 10))
                    (then (i32.store (local.get $i) (local.get $sum)))
                    (else (local.set $sum (i32.add (local.get $sum)
                      (call_indirect (type $unary) (local.get $i) (i32.const 1))))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
                (local.get $sum))
              (func (export "divide") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1))))""";

    private static Instance instantiate(Engine engine, Store store) {
        return new Linker(engine).instantiate(store, engine.compile(Wat.parseModule(MODULE)));
    }

    /** A store of a metering engine with {@code fuel} units and the test module instantiated in it. */
    private record Guest(Store store, Instance instance) {
        static Guest start(ExecutionMode mode, long fuel) {
            Engine engine = meteredEngine(mode);
            Store store = new Store(engine);
            Instance instance = instantiate(engine, store);
            store.setFuel(fuel);
            return new Guest(store, instance);
        }
    }

    private static Engine meteredEngine(ExecutionMode mode) {
        return Engine.builder().mode(mode).consumeFuel(true).build();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anInfiniteLoopRunsOutOfFuelAndTheStoreCanBeRefuelled(ExecutionMode mode) {
        Guest guest = Guest.start(mode, 1_000_000);
        Store store = guest.store();
        Instance instance = guest.instance();
        assertThatThrownBy(() -> instance.func("spin").call(store)).isInstanceOfSatisfying(Trap.class, trap -> {
            assertThat(trap.kind()).isEqualTo(TrapKind.OUT_OF_FUEL);
            assertThat(trap).hasMessage("all fuel consumed");
        });
        assertThat(store.fuel()).isZero();
        store.setFuel(100);
        assertThat(instance.func("three").call(store)[0].asInt()).isEqualTo(3);
        assertThat(store.fuel()).isEqualTo(97);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void fuelIsCheckedWhereExecutionCouldGoOnForever(ExecutionMode mode) {
        Guest guest = Guest.start(mode, 2);
        Store store = guest.store();
        Instance instance = guest.instance();
        // A function without calls or loops runs to its end; what it overspent stops the next call.
        assertThat(instance.func("three").call(store)[0].asInt()).isEqualTo(3);
        assertThat(store.fuel()).isZero();
        assertThatThrownBy(() -> instance.func("three").call(store)).isInstanceOf(Trap.class)
                .hasMessage("all fuel consumed");
        // A function that calls checks its first run on entry.
        store.setFuel(3);
        assertThatThrownBy(() -> instance.func("mixed").call(store, Value.i32(10))).isInstanceOf(Trap.class)
                .hasMessage("all fuel consumed");
        assertThat(store.fuel()).isZero();
    }

    @Test
    void bothEnginesConsumeExactlyTheSameFuel() {
        long[] left = new long[2];
        int[] results = new int[2];
        for (ExecutionMode mode : ExecutionMode.values()) {
            Guest guest = Guest.start(mode, 1_000_000);
            Store store = guest.store();
            Instance instance = guest.instance();
            results[mode.ordinal()] = instance.func("mixed").call(store, Value.i32(1000))[0].asInt();
            left[mode.ordinal()] = store.fuel();
        }
        assertThat(results[0]).isEqualTo(results[1]);
        assertThat(left[0]).isEqualTo(left[1]).isLessThan(1_000_000 - 10_000);
    }

    @Test
    void runningOutMidwayStopsAtTheSamePointInBothEngines() {
        long[] left = new long[2];
        byte[][] memories = new byte[2][];
        for (ExecutionMode mode : ExecutionMode.values()) {
            Guest guest = Guest.start(mode, 5_003);
            Store store = guest.store();
            Instance instance = guest.instance();
            assertThatThrownBy(() -> instance.func("mixed").call(store, Value.i32(1_000_000))).isInstanceOf(Trap.class)
                    .hasMessage("all fuel consumed");
            left[mode.ordinal()] = store.fuel();
            memories[mode.ordinal()] = instance.memory("memory").bytes();
        }
        assertThat(left[0]).isEqualTo(left[1]);
        assertThat(memories[0]).isEqualTo(memories[1]).isNotEqualTo(new byte[memories[1].length]);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCostTableChangesWhatInstructionsCost(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).fuelCosts(FuelCosts.defaults().with(Opcode.I32_ADD, 10)).build();
        Store store = new Store(engine);
        Instance instance = instantiate(engine, store);
        store.setFuel(100);
        instance.func("three").call(store);
        assertThat(store.fuel()).isEqualTo(88);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTrapInsideAPaidRunKeepsItsCharge(ExecutionMode mode) {
        Guest guest = Guest.start(mode, 100);
        Store store = guest.store();
        Instance instance = guest.instance();
        assertThatThrownBy(() -> instance.func("divide").call(store, Value.i32(1), Value.i32(0)))
                .isInstanceOf(Trap.class).hasMessage("integer divide by zero");
        assertThat(store.fuel()).isEqualTo(97);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void fuelSpentInsideAHostCallbackStaysSpentWhenTheHostTraps(ExecutionMode mode) {
        Engine engine = meteredEngine(mode);
        Store store = new Store(engine);
        Linker linker = new Linker(engine);
        Instance[] self = new Instance[1];
        linker.func(store, "host", "work_then_fail", new FuncType(List.of(), List.of()), (caller, args) -> {
            self[0].func("mixed").call(store, Value.i32(100));
            throw new Trap(TrapKind.HOST, "refused");
        });
        self[0] = linker.instantiate(store, engine.compile(Wat.parseModule(MODULE.replace("(module",
                "(module (import \"host\" \"work_then_fail\" (func $host))"
                        + " (func (export \"outer\") (drop (i32.const 1)) (call $host) (drop (i32.const 2)))"))));
        store.setFuel(1_000_000);
        self[0].func("mixed").call(store, Value.i32(100));
        long oneRun = 1_000_000 - store.fuel();
        store.setFuel(1_000_000);
        assertThatThrownBy(() -> self[0].func("outer").call(store)).isInstanceOf(Trap.class).hasMessage("refused");
        // outer's single run (two constants, two drops, the call) is paid for on entry: 5 units.
        assertThat(1_000_000 - store.fuel()).isEqualTo(oneRun + 5);
    }

    @Test
    void fuelNeedsAMeteringEngine() {
        Store store = new Store(Engine.builder().build());
        assertThatThrownBy(() -> store.setFuel(10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("consumeFuel(true)");
        assertThatThrownBy(store::fuel).isInstanceOf(IllegalStateException.class);
        Store metered = new Store(meteredEngine(ExecutionMode.COMPILER));
        assertThatThrownBy(() -> metered.setFuel(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FuelCosts.defaults().with(Opcode.CALL, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
