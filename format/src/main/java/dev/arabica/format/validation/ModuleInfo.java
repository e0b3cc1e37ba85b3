package dev.arabica.format.validation;

import java.util.Arrays;

/**
 * Facts the validator learned about a valid module that the engines reuse: for each defined
 * function, the deepest its operand stack gets (a v128 counts as one value) and its number of locals
 * beyond the parameters.
 */
public final class ModuleInfo {

    private final int[] maxStackHeights;
    private final long[] localCounts;

    ModuleInfo(int[] maxStackHeights, long[] localCounts) {
        this.maxStackHeights = maxStackHeights.clone();
        this.localCounts = localCounts.clone();
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
