package dev.arabica.runtime.compiler;

import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.Module;
import dev.arabica.runtime.CompiledModule;
import java.util.BitSet;

/**
 * Prepares a module's functions for compilation to JVM bytecode: decides which ones compile (those
 * too large to generate safely stay in the interpreter) and creates the class loader that generates
 * each one's class on first use.
 */
public final class ModuleCompiler {

    /**
     * The compiler writes a stack map frame of every local at each branch target, and the JVM
     * verifies each, so a function costs about its locals times its instructions in memory and
     * time (ASM's COMPUTE_FRAMES, used before, had the same bound); a few bytes of wasm can
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
            if (compilable(layout, module.functions().get(i), compiled.info().instructionCount(i))) {
                compilable.set(imported + i);
            }
        }
        return new CompiledCode(new ModuleClassLoader(layout), layout, compilable);
    }

    /** Whether a function compiles: not if it is past {@link #MAX_LOCALS_TIMES_INSTRUCTIONS}. */
    private static boolean compilable(ModuleLayout layout, Function function, int instructions) {
        long locals = layout.type(function.typeIndex()).params().size();
        for (Locals run : function.locals()) {
            locals += run.count();
        }
        return locals * (instructions + 1L) <= MAX_LOCALS_TIMES_INSTRUCTIONS;
    }
}
