package dev.arabica.runtime;

/**
 * The stack WebAssembly code of one store runs on: 64-bit slots for numbers, and a parallel array
 * for references, so that values never need boxing.
 */
public final class Machine {

    public final long[] stack;
    public final Object[] refs;
    private final int maxDepth;
    private int depth;
    /** The instance whose code made the current call into the host, for {@link Caller}. */
    private Instance caller;
    /** The first slot above every live frame: where a call from the host places its arguments. */
    private int top;

    Machine(int slots, int maxDepth) {
        this.stack = new long[slots];
        this.refs = new Object[slots];
        this.maxDepth = maxDepth;
    }

    /** Enters a call; traps when the call depth limit is reached. */
    public void enter() {
        if (++depth > maxDepth) {
            depth--;
            throw new Trap(TrapKind.CALL_STACK_EXHAUSTED);
        }
    }

    public void leave() {
        depth--;
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

    int depth() {
        return depth;
    }

    void resetDepth(int value) {
        depth = value;
    }
}
