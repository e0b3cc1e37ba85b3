package dev.arabica.runtime;

import dev.arabica.runtime.compiler.EpochFlag;
import dev.arabica.runtime.ops.FuelTank;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns the instances, memories, tables and globals created in it, and the stack WebAssembly runs
 * on. Use a store from one thread at a time; create one store per tenant or request.
 */
public final class Store {

    private final Engine engine;
    private final StoreLimits limits;
    private long memoryBytes;
    private long tableElements;
    private int instances;
    private int tables;
    private int memories;
    final Machine machine;
    /** The thread running code in this store, if any: a store is single-threaded, and a second thread is refused. */
    private final AtomicReference<Thread> user = new AtomicReference<>();
    private volatile long epochDeadline = Long.MAX_VALUE;
    private final EpochFlag epochFlag = new EpochFlag();
    private EpochDeadlineHandler deadlineHandler;
    private final FuelTank fuel = new FuelTank();

    public Store(Engine engine) {
        this(engine, StoreLimits.NONE);
    }

    /** A store whose memories may hold at most {@code maxMemoryBytes} bytes in total, and tables at most {@code maxTableElements}. */
    public Store(Engine engine, long maxMemoryBytes, long maxTableElements) {
        this(engine, StoreLimits.NONE.withMemoryBytes(maxMemoryBytes).withTableElements(maxTableElements));
    }

    public Store(Engine engine, StoreLimits limits) {
        this.engine = engine;
        this.limits = limits;
        this.machine = new Machine(engine.stackSlots(), engine.maxCallDepth());
    }

    public StoreLimits limits() {
        return limits;
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Marks the current thread as this store's user for a call from Java; returns false if it
     * already was (a re-entrant call from a host function). Another thread inside the store is an
     * error, not a race.
     */
    boolean enter() {
        Thread current = Thread.currentThread();
        if (user.get() == current) {
            return false;
        }
        if (!user.compareAndSet(null, current)) {
            throw new IllegalStateException("this store is in use by thread \"" + user.get().getName()
                    + "\"; a store runs code on one thread at a time (give each thread its own store)");
        }
        return true;
    }

    void exit() {
        user.set(null);
    }

    /**
     * Sets the fuel left to this store's code. Needs an engine built with {@code consumeFuel(true)}.
     * Code that has spent more than it was given traps with "all fuel consumed" at its next function
     * entry or loop iteration; refuel to go on.
     */
    public void setFuel(long units) {
        requireFuel();
        if (units < 0) {
            throw new IllegalArgumentException("fuel must not be negative: " + units);
        }
        fuel.set(units);
    }

    /** The fuel left; 0 after code trapped for want of it. */
    public long fuel() {
        requireFuel();
        return Math.max(0, fuel.remaining());
    }

    /**
     * A call from Java checks fuel and deadline, as code does at loops and at the entry of
     * functions that call: a host that calls a function without either again and again still stops.
     */
    void checkBeforeCall() {
        if (engine.consumesFuel() && fuel.remaining() < 0) {
            throw new Trap(TrapKind.OUT_OF_FUEL);
        }
        if (engine.epochInterruption() && epochFlag.expired) {
            checkEpochDeadline();
        }
    }

    private void requireFuel() {
        if (!engine.consumesFuel()) {
            throw new IllegalStateException("fuel needs an engine built with consumeFuel(true)");
        }
    }

    FuelTank fuelTank() {
        return fuel;
    }

    /** What happens when the epoch deadline passes: return more ticks to go on, or 0 (or less) to trap. */
    @FunctionalInterface
    public interface EpochDeadlineHandler {
        long extend(Store store);
    }

    /**
     * Code running in this store traps with "interrupt" (or calls the handler) once the engine's
     * epoch has advanced {@code ticks} beyond its current value. Needs an engine built with
     * {@code epochInterruption(true)}.
     */
    public void setEpochDeadline(long ticks) {
        if (!engine.epochInterruption()) {
            throw new IllegalStateException("epoch deadlines need an engine built with epochInterruption(true)");
        }
        epochDeadline = engine.epoch() + ticks;
        engine.watchDeadline(this);
        resumeAfterDeadline();
    }

    /** The flag compiled code and the interpreter read on every check; set once the deadline has passed. */
    public EpochFlag epochFlag() {
        return epochFlag;
    }

    /** Called by the engine as the epoch advances. */
    void passEpoch(long epoch) {
        if (epoch >= epochDeadline && !epochFlag.expired) {
            epochFlag.expired = true;
            engine.epochSwitch().arm();
        }
    }

    /** After the deadline moved: the flag is cleared unless the new one has passed already. */
    private void resumeAfterDeadline() {
        if (epochFlag.expired && engine.epoch() < epochDeadline) {
            epochFlag.expired = false;
            engine.disarmIfNoDeadlinePassed();
        }
        passEpoch(engine.epoch());
    }

    public void onEpochDeadline(EpochDeadlineHandler handler) {
        this.deadlineHandler = handler;
    }

    /**
     * Called by both engines when the epoch flag is set: traps with "interrupt", or moves the
     * deadline if the handler gives more ticks.
     */
    public void checkEpochDeadline() {
        if (engine.epoch() >= epochDeadline) {
            long more = deadlineHandler == null ? 0 : deadlineHandler.extend(this);
            if (more <= 0) {
                throw new Trap(TrapKind.INTERRUPT);
            }
            epochDeadline = engine.epoch() + more;
        }
        resumeAfterDeadline();
    }

    /** Counts a new instance with the tables and memories it defines; refuses one past the count limits. */
    void reserveInstance(int newTables, int newMemories) {
        if (instances + 1 > limits.instances()) {
            throw new LinkException("the store's limit of " + limits.instances() + " instances is reached");
        }
        if (newTables > limits.tables() - tables) {
            throw new LinkException("instantiation would create " + newTables + " tables, past the store's limit of "
                    + limits.tables() + " (" + tables + " exist)");
        }
        if (newMemories > limits.memories() - memories) {
            throw new LinkException("instantiation would create " + newMemories
                    + " memories, past the store's limit of " + limits.memories() + " (" + memories + " exist)");
        }
        instances++;
        tables += newTables;
        memories += newMemories;
    }

    void reserveMemory(long bytes) {
        if (!tryReserveMemory(bytes)) {
            throw new LinkException("memory of " + bytes + " bytes exceeds the store's limit of "
                    + limits.memoryBytes() + " bytes (" + memoryBytes + " in use)");
        }
    }

    boolean tryReserveMemory(long bytes) {
        if (bytes > limits.memoryBytes() - memoryBytes) {
            return false;
        }
        memoryBytes += bytes;
        return true;
    }

    /** A grow the limits refuse: -1 for the guest, or a trap if the limits say so. */
    int refuseMemoryGrow(long pages) {
        return refuseGrow("memory.grow by " + pages + " pages would pass the store's limit of " + limits.memoryBytes()
                + " bytes of memory (" + memoryBytes + " in use)");
    }

    int refuseTableGrow(long elements) {
        return refuseGrow("table.grow by " + elements + " elements would pass the store's limit of "
                + limits.tableElements() + " table elements (" + tableElements + " in use)");
    }

    private int refuseGrow(String message) {
        if (limits.trapOnGrowFailure()) {
            throw new Trap(TrapKind.STORE_LIMIT_EXCEEDED, message);
        }
        return -1;
    }

    void releaseMemory(long bytes) {
        memoryBytes -= bytes;
    }

    void reserveTableElements(long count) {
        if (!tryReserveTableElements(count)) {
            throw new LinkException("table of " + count + " elements exceeds the store's limit of "
                    + limits.tableElements() + " elements");
        }
    }

    boolean tryReserveTableElements(long count) {
        if (count > limits.tableElements() - tableElements) {
            return false;
        }
        tableElements += count;
        return true;
    }
}
