package dev.arabica.runtime.ops;

import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.FuelCosts;
import java.util.List;

/**
 * Where a function's code charges fuel, how much, and where it checks what is left: the same plan
 * for both engines, so that they count identically. A charge sits at the start of every run of
 * instructions that control enters only at its top (the function entry, a loop body, each arm of
 * an {@code if}, the code after an {@code end} or after a branch that may fall through) and covers
 * the whole run, up to and including the instruction that leaves it. Only the charges at loop
 * bodies and at the entries of functions that call check: every endless execution passes one of
 * them again and again, and the others cost a subtraction. Calls from Java check too.
 */
public final class FuelPlan {

    private FuelPlan() {
    }

    /** For each instruction, the fuel charged just before it runs; 0 where there is no charge. */
    public static long[] charges(List<Instruction> body, FuelCosts costs) {
        long[] charges = new long[body.size()];
        int start = 0;
        long total = 0;
        for (int i = 0; i < body.size(); i++) {
            Instruction instruction = body.get(i);
            total += costs.cost(instruction.opcode());
            if (endsRun(instruction) || i == body.size() - 1) {
                charges[start] = total;
                start = i + 1;
                total = 0;
            }
        }
        return charges;
    }

    /**
     * Whether the charge before instruction {@code index} checks the fuel left (even when it
     * charges 0): at loop bodies, and at the entry of functions that call (a function that calls
     * none runs a bounded number of instructions between its loop checks).
     */
    public static boolean checks(List<Instruction> body, int index) {
        return index == 0 ? makesCalls(body) : body.get(index - 1).opcode() == Opcode.LOOP;
    }

    /** Whether a function body calls other functions; only those need checks on entry to bound recursion. */
    public static boolean makesCalls(List<Instruction> body) {
        for (Instruction instruction : body) {
            if (instruction.opcode() == Opcode.CALL || instruction.opcode() == Opcode.CALL_INDIRECT) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsRun(Instruction instruction) {
        return switch (instruction.opcode()) {
            case LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, UNREACHABLE -> true;
            default -> false;
        };
    }
}
