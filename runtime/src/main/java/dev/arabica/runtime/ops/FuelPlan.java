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
 * the whole run, up to and including the instruction that leaves it. Only the charges at function
 * entries and loop bodies check: every endless execution passes one of them again and again, and
 * the others cost a subtraction.
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

    /** Whether the charge before instruction {@code index} checks the fuel left (even when it charges 0). */
    public static boolean checks(List<Instruction> body, int index) {
        return index == 0 || body.get(index - 1).opcode() == Opcode.LOOP;
    }

    private static boolean endsRun(Instruction instruction) {
        return switch (instruction.opcode()) {
            case LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, UNREACHABLE -> true;
            default -> false;
        };
    }
}
