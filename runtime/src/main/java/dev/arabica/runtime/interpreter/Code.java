package dev.arabica.runtime.interpreter;

/**
 * A function's pre-decoded code: opcode ordinals with their operands inline, branch targets
 * resolved to positions and stack heights, and the layout of its frame.
 */
record Code(int[] code, int[] wasmOffsets, int paramSlots, int localSlots, int maxOperandSlots, int resultSlots) {

    /** The byte offset in the module of the instruction at code position {@code pc}, or -1. */
    int offsetAt(int pc) {
        int best = -1;
        for (int i = 0; i + 1 < wasmOffsets.length; i += 2) {
            if (wasmOffsets[i] <= pc) {
                best = wasmOffsets[i + 1];
            } else {
                break;
            }
        }
        return best;
    }
}
