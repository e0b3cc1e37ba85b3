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

    int depth() {
        return depth;
    }

    void resetDepth(int value) {
        depth = value;
    }
}
