package dev.arabica.runtime;

import java.util.Arrays;

/**
 * The stack WebAssembly code of one store runs on: 64-bit slots for numbers, and a parallel array
 * for references, so that values never need boxing. It starts small, so that a store costs little
 * to create, and grows on demand up to the engine's limit; code that holds the arrays reloads them
 * after calls, which are the only places they can grow.
 */
public final class Machine {

    private static final int INITIAL_SLOTS = 4096;

    public long[] stack;
    public Object[] refs;
    private final int maxSlots;
    private final int maxDepth;
    private int depth;
    /** The instance whose code made the current call into the host, for {@link Caller}. */
    private Instance caller;
    /** The first slot above every live frame: where a call from the host places its arguments. */
    private int top;

    Machine(int maxSlots, int maxDepth) {
        this.maxSlots = maxSlots;
        this.stack = new long[Math.min(INITIAL_SLOTS, maxSlots)];
        this.refs = new Object[stack.length];
        this.maxDepth = maxDepth;
    }

    /** Makes room for {@code slots} slots, growing the arrays if needed; traps beyond the engine's limit. */
    public void ensure(int slots) {
        if (slots <= stack.length) {
            return;
        }
        if (slots > maxSlots) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        int size = (int) Math.min(Math.max((long) slots, 2L * stack.length), maxSlots);
        stack = Arrays.copyOf(stack, size);
        refs = Arrays.copyOf(refs, size);
    }

    /**
     * Enters an interpreted call, returning the caller's depth to restore on the way out; traps
     * when the call depth limit is reached.
     */
    public int enter() {
        int callerDepth = depth;
        if (callerDepth >= maxDepth) {
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        }
        depth = callerDepth + 1;
        return callerDepth;
    }

    /** Records which instance is calling out; the engines set it before each call. */
    public void setCaller(Instance instance) {
        caller = instance;
    }

    Instance caller() {
        return caller;
    }

    public int top() {
        return top;
    }

    /** Marks the slots below {@code slot} as in use, returning the previous mark. */
    public int reserve(int slot) {
        int previous = top;
        top = slot;
        return previous;
    }

    /**
     * How many WebAssembly calls are active. Compiled code passes its depth from call to call and
     * writes it here only before calls that leave compiled code, where the callee picks it up.
     */
    public int depth() {
        return depth;
    }

    public void setDepth(int value) {
        depth = value;
    }
}
