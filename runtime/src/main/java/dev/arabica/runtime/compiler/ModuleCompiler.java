package dev.arabica.runtime.compiler;

import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.Module;
import dev.arabica.runtime.CompiledModule;
import java.util.BitSet;

/**
 * Prepares a module's functions for compilation to JVM bytecode: decides which ones compile (those
 * whose stack may hold a v128, or too large to generate safely, stay in the interpreter) and creates the
 * class loader that generates each one's class on first use.
 */
public final class ModuleCompiler {

    /**
     * ASM computes a stack map frame of every local for each basic block, so generating a function
     * costs about its locals times its instructions in memory and time; a few bytes of wasm can
     * declare millions of locals. Functions past this budget stay in the interpreter (which refuses
     * more than 50,000 local slots with a LinkException). The largest function of SQLite, Lua or
     * QuickJS costs under 1.6 million; 120 million exhausted a 1 GB heap.
     */
    static final long MAX_LOCALS_TIMES_INSTRUCTIONS = 16_000_000;

    private ModuleCompiler() {
    }

    public static CompiledCode compile(CompiledModule compiled) {
        Module module = compiled.module();
        int imported = module.imports(ExternalKind.FUNC).size();
        BitSet compilable = new BitSet();
        ModuleLayout layout = new ModuleLayout(compiled, compilable);
        for (int i = 0; i < module.functions().size(); i++) {
            if (compilable(layout, module.functions().get(i))) {
                compilable.set(imported + i);
            }
        }
        return new CompiledCode(new ModuleClassLoader(layout), layout, compilable);
    }

    /**
     * Whether a function compiles: not if it is past {@link #MAX_LOCALS_TIMES_INSTRUCTIONS}, nor if
     * a v128 value could appear on its stack. Besides vector
     * instructions, its type and its locals, a v128 can come from instructions of other features:
     * a call or indirect call whose type has one, a global of type v128, a typed select, and a
     * block type given by type index.
     */
    private static boolean compilable(ModuleLayout layout, Function function) {
        if (!supported(layout.type(function.typeIndex()))) {
            return false;
        }
        long locals = layout.type(function.typeIndex()).params().size();
        for (Locals run : function.locals()) {
            if (!JvmTypes.supported(run.type())) {
                return false;
            }
            locals += run.count();
        }
        if (locals * (function.body().instructions().size() + 1L) > MAX_LOCALS_TIMES_INSTRUCTIONS) {
            return false;
        }
        for (Instruction instruction : function.body().instructions()) {
            if (!movesOnlySupportedValues(layout, instruction)) {
                return false;
            }
        }
        return true;
    }

    private static boolean movesOnlySupportedValues(ModuleLayout layout, Instruction instruction) {
        if (instruction.opcode().feature() == Feature.SIMD) {
            return false;
        }
        if (instruction instanceof Instruction.Block block) {
            return JvmTypes.supported(layout.blockParams(block.type()))
                    && JvmTypes.supported(layout.blockResults(block.type()));
        }
        if (instruction instanceof Instruction.SelectTyped select) {
            return JvmTypes.supported(select.types());
        }
        return switch (instruction.opcode()) {
            case CALL -> supported(layout.functionType(((Instruction.Indexed) instruction).index()));
            case CALL_INDIRECT -> supported(layout.type(((Instruction.IndexPair) instruction).first()));
            case GLOBAL_GET, GLOBAL_SET ->
                    JvmTypes.supported(layout.globalType(((Instruction.Indexed) instruction).index()).valType());
            default -> true;
        };
    }

    private static boolean supported(FuncType type) {
        return JvmTypes.supported(type.params()) && JvmTypes.supported(type.results());
    }
}
