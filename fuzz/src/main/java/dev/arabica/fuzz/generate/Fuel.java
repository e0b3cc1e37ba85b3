package dev.arabica.fuzz.generate;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import java.util.List;

/**
 * Why every generated program terminates: a mutable i32 global holds a budget, and every function
 * entry and every loop header takes one unit from it or traps with {@code unreachable} when it is
 * spent. Loop iterations and calls (hence recursion depth) are bounded by the budget, and the code
 * between two charges is straight-line and finite. Generated code never writes the global
 * otherwise; the harness refills it through its export before each call.
 */
public final class Fuel {

    /** The export name of the fuel global. */
    public static final String EXPORT = "fuel";

    /** The units a module starts with, and the harness refills before each call. */
    public static final int BUDGET = 1000;

    private Fuel() {
    }

    static void charge(CodeWriter code, int fuelGlobal) {
        code.emit(new Instruction.Indexed(Opcode.GLOBAL_GET, fuelGlobal), List.of(), List.of(ValType.I32));
        code.emit(Opcode.I32_EQZ, List.of(ValType.I32), List.of(ValType.I32));
        code.open(new Instruction.Block(Opcode.IF, BlockType.EMPTY), List.of(ValType.I32), List.of(), List.of());
        code.emit(Opcode.UNREACHABLE, List.of(), List.of());
        code.markUnreachable();
        code.close();
        code.emit(new Instruction.Indexed(Opcode.GLOBAL_GET, fuelGlobal), List.of(), List.of(ValType.I32));
        code.emit(new Instruction.I32Const(1), List.of(), List.of(ValType.I32));
        code.emit(Opcode.I32_SUB, List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
        code.emit(new Instruction.Indexed(Opcode.GLOBAL_SET, fuelGlobal), List.of(ValType.I32), List.of());
    }
}
