package dev.arabica.runtime.compiler;

import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import java.util.List;
import java.util.TreeSet;

/**
 * A run of whole statements of one block body, instructions {@code [start, end)}, compiled into a
 * method of its own so that the method it came from stays small enough for the JIT. It begins and
 * ends with nothing of its block on the operand stack. See RATIONALE.md.
 *
 * @param bytes the bytecode it took in the method it came from
 * @param exits the labels outside it that it branches to, counted from the innermost (0)
 * @param returns whether it returns from the function
 * @param usesMemory whether it reads or writes memory, and so takes the memory as an argument
 * @param replacesMemory whether it may grow memory (by itself or by a call), so that the caller reloads it
 */
record Region(int start, int end, int bytes, int[] exits, boolean returns, boolean usesMemory,
        boolean replacesMemory) {

    String methodName() {
        return "region" + start + "_" + end;
    }

    /**
     * The region of instructions {@code [start, end)}, which took {@code bytes} of bytecode, or null
     * if it uses an instruction beyond WebAssembly 2.0, whose branches a region call does not handle.
     */
    static Region of(List<Instruction> instructions, int start, int end, int bytes) {
        TreeSet<Integer> exits = new TreeSet<>();
        boolean returns = false;
        boolean usesMemory = false;
        boolean replacesMemory = false;
        int nesting = 0;
        for (int i = start; i < end; i++) {
            Instruction instruction = instructions.get(i);
            Opcode op = instruction.opcode();
            if (!op.feature().inWasm2()) {
                return null;
            }
            usesMemory |= accessesMemory(instruction);
            switch (op) {
                case BLOCK, LOOP, IF -> nesting++;
                case END -> nesting--;
                case BR, BR_IF -> exit(exits, ((Instruction.Indexed) instruction).index(), nesting);
                case BR_TABLE -> {
                    Instruction.BrTable table = (Instruction.BrTable) instruction;
                    for (int label : table.labels()) {
                        exit(exits, label, nesting);
                    }
                    exit(exits, table.defaultLabel(), nesting);
                }
                case RETURN -> returns = true;
                case MEMORY_GROW, CALL, CALL_INDIRECT -> replacesMemory = true;
                default -> {
                }
            }
        }
        return new Region(start, end, bytes, exits.stream().mapToInt(Integer::intValue).toArray(), returns, usesMemory, replacesMemory);
    }

    private static void exit(TreeSet<Integer> exits, int depth, int nesting) {
        if (depth >= nesting) {
            exits.add(depth - nesting);
        }
    }

    static boolean accessesMemory(Instruction instruction) {
        if (instruction instanceof Instruction.Memory || instruction instanceof Instruction.MemoryLane) {
            return true;
        }
        return switch (instruction.opcode()) {
            case MEMORY_SIZE, MEMORY_GROW, MEMORY_FILL, MEMORY_COPY, MEMORY_INIT -> true;
            default -> false;
        };
    }
}
