package dev.arabica.runtime;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.SubType;
import dev.arabica.format.validation.ModuleInfo;
import dev.arabica.format.validation.Validator;
import dev.arabica.format.types.TypeRegistry;
import dev.arabica.runtime.compiler.EpochSwitch;
import dev.arabica.runtime.compiler.MethodSizeLimit;
import dev.arabica.runtime.compiler.ModuleCompiler;
import java.util.List;
import java.util.Objects;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Settings and shared state for compiling and running modules: the canonical type registry and
 * the execution limits. Thread-safe; share one engine across stores and threads.
 */
public final class Engine {

    private final TypeRegistry types = new TypeRegistry();
    private final int stackSlots;
    private final int maxCallDepth;
    private final MethodSizeLimit compiledMethodLimit;
    private final ExecutionMode mode;
    private final boolean epochInterruption;
    private final FuelCosts fuelCosts;
    private final AtomicLong epoch = new AtomicLong();
    /** Stores with a deadline, told of each new epoch; weakly held, so a dropped store is forgotten. */
    private final Set<Store> watched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** Null without epoch interruption. */
    private final EpochSwitch epochSwitch;

    private Engine(Builder builder) {
        this.mode = builder.mode;
        this.epochInterruption = builder.epochInterruption;
        this.epochSwitch = builder.epochInterruption ? new EpochSwitch() : null;
        this.fuelCosts = builder.fuelCosts;
        this.stackSlots = builder.stackSlots;
        this.maxCallDepth = builder.maxCallDepth;
        this.compiledMethodLimit = builder.compiledMethodLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes, validates and prepares a module. Function bodies are validated from their bytes and
     * decoded when first run (see {@link Validator#decodeAndValidate}).
     */
    public CompiledModule compile(byte[] bytes) {
        Validator.ValidModule valid = Validator.decodeAndValidate(bytes, features());
        return prepare(valid.module(), valid.info());
    }

    public CompiledModule compile(Module module) {
        return prepare(module, Validator.validate(module));
    }

    private CompiledModule prepare(Module module, ModuleInfo info) {
        CompiledModule compiled = new CompiledModule(this, module, info, types.canonicalize(module.recGroups()));
        if (mode == ExecutionMode.COMPILER) {
            compiled.setCode(ModuleCompiler.compile(compiled));
        }
        return compiled;
    }

    public ExecutionMode mode() {
        return mode;
    }

    /** True if code checks its store's epoch deadline at function entries and loop back-edges. */
    public boolean epochInterruption() {
        return epochInterruption;
    }

    /** True if code consumes its store's fuel (see {@link Store#setFuel}). */
    public boolean consumesFuel() {
        return fuelCosts != null;
    }

    /** What each instruction costs; null when this engine does not meter fuel. */
    public FuelCosts fuelCosts() {
        return fuelCosts;
    }

    /** Advances the epoch by one; a host thread calls this on a timer. Cheap and thread-safe. */
    public void incrementEpoch() {
        long now = epoch.incrementAndGet();
        synchronized (watched) {
            for (Store store : watched) {
                store.passEpoch(now);
            }
            disarmIfNoDeadlinePassed();
        }
    }

    /**
     * What compiled code's epoch checks call: armed while some store is past its deadline. Null
     * unless the engine was built with {@code epochInterruption(true)}.
     */
    public EpochSwitch epochSwitch() {
        return epochSwitch;
    }

    /**
     * Called when a store's deadline moves: once no store is past its deadline, compiled code may
     * skip its checks again. A store dropped while past its deadline leaves the weak set, so the
     * next tick disarms.
     */
    void disarmIfNoDeadlinePassed() {
        synchronized (watched) {
            if (epochSwitch == null || !epochSwitch.armed()) {
                return;
            }
            for (Store store : watched) {
                if (store.epochFlag().expired) {
                    return;
                }
            }
            epochSwitch.disarm();
        }
    }

    void watchDeadline(Store store) {
        watched.add(store);
    }

    public long epoch() {
        return epoch.get();
    }

    /** The language features this engine runs; modules are decoded and validated for them. */
    public Set<Feature> features() {
        return Validator.SUPPORTED;
    }

    /** The canonical id of a function type, as modules compiled by this engine see it. */
    int canonicalize(FuncType type) {
        return types.canonicalize(List.of(RecGroup.single(SubType.of(type))))[0];
    }

    int stackSlots() {
        return stackSlots;
    }

    /**
     * The JVM thread stack, in bytes, that holds {@link #maxCallDepth()} nested calls in either
     * engine with room to spare (a WebAssembly frame takes up to about 1 KiB of it in the
     * interpreter, less in compiled code, more for functions with many locals). Run guests on a
     * thread with at least this much, e.g. {@code new Thread(null, task, name, engine.guestStackBytes())};
     * on a smaller stack, a deep guest overflows the JVM's stack before the limit, which still ends
     * the call with "call stack exhausted".
     */
    public long guestStackBytes() {
        return Math.max(16L << 20, maxCallDepth * 4096L);
    }

    /** How deep WebAssembly calls may nest before trapping with "call stack exhausted". */
    public int maxCallDepth() {
        return maxCallDepth;
    }

    /** When the compiler splits a function into several JVM methods (see {@link Builder#compiledMethodLimit}). */
    public MethodSizeLimit compiledMethodLimit() {
        return compiledMethodLimit;
    }

    /** Engine settings. */
    public static final class Builder {
        private int stackSlots = 1 << 20;
        private int maxCallDepth = 10_000;
        private MethodSizeLimit compiledMethodLimit = MethodSizeLimit.forThisJvm();
        private ExecutionMode mode = ExecutionMode.COMPILER;
        private boolean epochInterruption;
        private FuelCosts fuelCosts;

        private Builder() {
        }

        /** The size of each store's value stack, in 64-bit slots. */
        public Builder stackSlots(int slots) {
            this.stackSlots = slots;
            return this;
        }

        /**
         * How deep WebAssembly calls may nest, in both engines, before trapping with "call stack
         * exhausted" (default 10,000). See {@link Engine#guestStackBytes()} for the JVM stack that needs.
         */
        public Builder maxCallDepth(int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("the call depth limit must be at least 1: " + depth);
            }
            this.maxCallDepth = depth;
            return this;
        }

        /**
         * The most bytes of bytecode the compiler puts in one JVM method. A function whose method
         * would be larger is split: runs of its statements move into methods of their own of at most
         * this size (or 8,000 bytes if that is less), and its locals into arrays those methods share.
         * By default the limit suits the JVM: 8,000 bytes, the size above which HotSpot compiles no
         * method, or 24,000 on a JVM run with {@code -XX:-DontCompileHugeMethods} (as
         * {@code bin/arabica} runs), which compiles such a method faster whole than split, and whose
         * compilers give up on far larger ones. Small values split nearly every function, which is
         * slow but tests the splitting. A split function's own method can stay above 8,000 bytes
         * when too little of it can move out (an interpreter's dispatch loop with many small
         * operations); HotSpot compiles such a method only with {@code -XX:-DontCompileHugeMethods}.
         */
        public Builder compiledMethodLimit(int bytes) {
            this.compiledMethodLimit = MethodSizeLimit.of(bytes);
            return this;
        }

        /**
         * Makes code check its store's epoch deadline at every function entry and loop back-edge
         * (see {@link Store#setEpochDeadline}); without it, compiled code contains no checks at all.
         * In compiled code the checks cost nothing until some store's deadline passes, on a JVM
         * whose counted loops poll for safepoints: G1's default, or {@code -XX:+UseCountedLoopSafepoints
         * -XX:LoopStripMiningIter=1000} with the Parallel or Serial collector. Elsewhere compiled
         * loops read the deadline flag on every iteration, which costs up to a quarter of the speed
         * of call- and loop-heavy code.
         */
        public Builder epochInterruption(boolean enabled) {
            this.epochInterruption = enabled;
            return this;
        }

        /**
         * Makes code consume its store's fuel, at the default cost of one unit per instruction
         * (see {@link FuelCosts}); a store starts with none. Without it, code contains no fuel checks.
         */
        public Builder consumeFuel(boolean enabled) {
            this.fuelCosts = enabled ? FuelCosts.defaults() : null;
            return this;
        }

        /** Consumes fuel at these costs; both engines charge the same amount for the same code. */
        public Builder fuelCosts(FuelCosts costs) {
            this.fuelCosts = Objects.requireNonNull(costs, "costs");
            return this;
        }

        /** Compiler (the default) or interpreter. */
        public Builder mode(ExecutionMode mode) {
            this.mode = mode;
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }
}
