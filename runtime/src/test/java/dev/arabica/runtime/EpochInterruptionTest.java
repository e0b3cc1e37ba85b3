package dev.arabica.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.text.Wat;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Epoch deadlines stop runaway guests in both engines, and leave the store usable. */
class EpochInterruptionTest {

    private static final String MODULE = """
            (module
              (func (export "spin") (loop $forever (br $forever)))
              (func (export "count") (param i32) (result i32) (local i32)
                (loop $next
                  (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                  (br_if $next (i32.lt_u (local.get 1) (local.get 0))))
                (local.get 1)))""";

    private static Instance instantiate(Engine engine, Store store) {
        return new Linker(engine).instantiate(store, engine.compile(Wat.parseModule(MODULE)));
    }

    /** Advances the engine's epoch once, after a delay, and remembers when. */
    private static final class DelayedTick extends Thread {
        private final Engine engine;
        private final long delayMillis;
        private volatile long tickedAt;

        DelayedTick(Engine engine, long delayMillis) {
            this.engine = engine;
            this.delayMillis = delayMillis;
            start();
        }

        @Override
        public void run() {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                return;
            }
            tickedAt = System.nanoTime();
            engine.incrementEpoch();
        }

        double millisSinceTick(long now) throws InterruptedException {
            join();
            return (now - tickedAt) / 1_000_000.0;
        }
    }

    /** Advances the engine's epoch every millisecond until interrupted. */
    private static Thread ticker(Engine engine) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                engine.incrementEpoch();
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Five stops of {@code guest}, each by a tick {@code delayMillis} after a one-tick deadline is
     * set: the milliseconds from each tick to the trap, sorted.
     */
    private static double[] stopLatencies(Engine engine, Store store, long delayMillis, ThrowingCallable guest)
            throws InterruptedException {
        double[] latencies = new double[5];
        for (int attempt = 0; attempt < latencies.length; attempt++) {
            store.setEpochDeadline(1);
            DelayedTick tick = new DelayedTick(engine, delayMillis);
            assertThatThrownBy(guest).isInstanceOf(Trap.class).hasMessage("interrupt");
            latencies[attempt] = tick.millisSinceTick(System.nanoTime());
        }
        Arrays.sort(latencies);
        return latencies;
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anInfiniteLoopTrapsAtItsDeadlineAndTheStoreStaysUsable(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).epochInterruption(true).build();
        Store store = new Store(engine);
        Instance instance = instantiate(engine, store);
        Thread ticker = ticker(engine);
        try {
            store.setEpochDeadline(50);
            long start = System.nanoTime();
            assertThatThrownBy(() -> instance.func("spin").call(store)).isInstanceOfSatisfying(Trap.class,
                    trap -> assertThat(trap.kind()).isEqualTo(TrapKind.INTERRUPT));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isBetween(45L, 2_000L);
            store.setEpochDeadline(1_000_000);
            assertThat(instance.func("count").call(store, Value.i32(1000))[0].asInt()).isEqualTo(1000);
        } finally {
            ticker.interrupt();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHandlerCanExtendTheDeadline(ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).epochInterruption(true).build();
        Store store = new Store(engine);
        Instance instance = instantiate(engine, store);
        AtomicInteger extensions = new AtomicInteger();
        store.onEpochDeadline(s -> extensions.incrementAndGet() <= 2 ? 1 : 0);
        store.setEpochDeadline(1);
        Thread ticker = ticker(engine);
        try {
            assertThatThrownBy(() -> instance.func("spin").call(store)).isInstanceOf(Trap.class)
                    .hasMessage("interrupt");
            assertThat(extensions.get()).isEqualTo(3);
        } finally {
            ticker.interrupt();
        }
    }

    /**
     * The median of five stops: a single one can wait for the scheduler on a busy machine, which no
     * check in the guest can shorten.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSpinningGuestStopsWithinTenMillisecondsOfItsDeadline(ExecutionMode mode) throws InterruptedException {
        Engine engine = Engine.builder().mode(mode).epochInterruption(true).build();
        Store store = new Store(engine);
        Instance instance = instantiate(engine, store);
        double[] latencies = stopLatencies(engine, store, 100, () -> instance.func("spin").call(store));
        assertThat(latencies[2]).isLessThan(10.0);
        assertThat(latencies[4]).isLessThan(1_000.0);
    }

    /**
     * Each iteration fills 64 MiB, so waiting up to 1,024 iterations for the loop's check would take
     * seconds; the stop must come within a few fills (timed first, since a busy machine slows them).
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aLoopOfLargeMemoryFillsStopsSoonAfterItsDeadline(ExecutionMode mode) throws InterruptedException {
        Engine engine = Engine.builder().mode(mode).epochInterruption(true).build();
        Store store = new Store(engine);
        Instance instance = new Linker(engine).instantiate(store, engine.compile(Wat.parseModule("""
                (module (memory 1024)
                  (func $fill (export "fill_once") (memory.fill (i32.const 0) (i32.const 7) (i32.const 67108864)))
                  (func (export "fill_forever")
                    (loop $again (memory.fill (i32.const 0) (i32.const 7) (i32.const 67108864)) (br $again))))""")));
        double fillMillis = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            instance.func("fill_once").call(store);
            fillMillis = Math.min(fillMillis, (System.nanoTime() - start) / 1_000_000.0);
        }
        store.setEpochDeadline(1);
        DelayedTick tick = new DelayedTick(engine, 200);
        assertThatThrownBy(() -> instance.func("fill_forever").call(store)).isInstanceOf(Trap.class)
                .hasMessage("interrupt");
        assertThat(tick.millisSinceTick(System.nanoTime())).isLessThan(50 + 20 * fillMillis);
    }

    /**
     * A counted loop, which the JIT compiles without checks while no deadline has passed, stops as
     * soon as one does: its code is deoptimised at the loop's next safepoint poll.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aHotCountedLoopStopsWithinTenMillisecondsOfItsDeadline(ExecutionMode mode) throws InterruptedException {
        Engine engine = Engine.builder().mode(mode).epochInterruption(true).build();
        Store store = new Store(engine);
        Instance instance = instantiate(engine, store);
        store.setEpochDeadline(Long.MAX_VALUE / 2);
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            assertThat(instance.func("count").call(store, Value.i32(1_000_000))[0].asInt()).isEqualTo(1_000_000);
        }
        double[] latencies = stopLatencies(engine, store, 50,
                () -> instance.func("count").call(store, Value.i32(Integer.MAX_VALUE)));
        assertThat(latencies[2]).isLessThan(10.0);
    }

    /**
     * Compiled code shared by two stores: one past its deadline traps, the other runs on meanwhile,
     * and once the first has a new deadline, the checks are free again.
     */
    @Test
    void aDeadlinePassingInOneStoreLeavesTheOthersRunning() {
        Engine engine = Engine.builder().epochInterruption(true).build();
        CompiledModule module = engine.compile(Wat.parseModule(MODULE));
        Store late = new Store(engine);
        Store onTime = new Store(engine);
        Instance lateInstance = new Linker(engine).instantiate(late, module);
        Instance onTimeInstance = new Linker(engine).instantiate(onTime, module);
        onTime.setEpochDeadline(1_000);
        late.setEpochDeadline(1);
        engine.incrementEpoch();
        assertThat(engine.epochSwitch().armed()).isTrue();
        assertThatThrownBy(() -> lateInstance.func("count").call(late, Value.i32(10))).isInstanceOf(Trap.class)
                .hasMessage("interrupt");
        assertThat(onTimeInstance.func("count").call(onTime, Value.i32(100_000))[0].asInt()).isEqualTo(100_000);
        boolean disarmable = engine.epochSwitch().disarmable();
        late.setEpochDeadline(1_000);
        assertThat(engine.epochSwitch().armed()).isEqualTo(!disarmable);
        assertThat(lateInstance.func("count").call(late, Value.i32(100_000))[0].asInt()).isEqualTo(100_000);
    }

    @Test
    void deadlinesNeedAnEngineWithInterruption() {
        Store store = new Store(Engine.builder().build());
        assertThatThrownBy(() -> store.setEpochDeadline(10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("epochInterruption(true)");
    }
}
