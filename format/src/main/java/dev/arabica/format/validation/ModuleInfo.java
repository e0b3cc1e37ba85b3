package dev.arabica.format.validation;

import java.util.Arrays;

/**
 * Facts the validator learned about a valid module that the engines reuse: for each defined
 * function, the deepest its operand stack gets (a v128 counts as one value), its number of locals
 * beyond the parameters, and the operand stack height in 64-bit slots before each instruction.
 */
public final class ModuleInfo {

    private final int[] maxStackHeights;
    private final long[] localCounts;
    private final int[][] slotHeights;

    ModuleInfo(int[] maxStackHeights, long[] localCounts, int[][] slotHeights) {
        this.maxStackHeights = maxStackHeights.clone();
        this.localCounts = localCounts.clone();
        this.slotHeights = slotHeights.clone();
    }

    /**
     * The operand stack height, in 64-bit slots (two for a v128), before instruction {@code i} of
     * defined function {@code function}. In unreachable code the height is that of the validator's
     * stack, which engines may ignore since the code never runs.
     */
    public int slotHeight(int function, int i) {
        return slotHeights[function][i];
    }

    /** The number of instructions in the body of defined function {@code function}. */
    public int instructionCount(int function) {
        return slotHeights[function].length;
    }

    /** The maximum operand stack height of defined function {@code i} (not counting imports). */
    public int maxStackHeight(int i) {
        return maxStackHeights[i];
    }

    /** The number of declared locals of defined function {@code i}. */
    public long localCount(int i) {
        return localCounts[i];
    }

    public int functionCount() {
        return maxStackHeights.length;
    }

    @Override
    public String toString() {
        return "ModuleInfo[maxStackHeights=" + Arrays.toString(maxStackHeights) + "]";
    }
}
