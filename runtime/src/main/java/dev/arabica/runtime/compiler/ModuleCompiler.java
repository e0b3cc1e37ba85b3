package dev.arabica.runtime.compiler;

import dev.arabica.format.model.BlockType;
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
 * using v128 stay in the interpreter) and creates the class loader that generates each one's class
 * on first use.
 */
public final class ModuleCompiler {

    private ModuleCompiler() {
    }

    public static CompiledCode compile(CompiledModule compiled) {
        Module module = compiled.module();
        int imported = module.imports(ExternalKind.FUNC).size();
        BitSet compilable = new BitSet();
        for (int i = 0; i < module.functions().size(); i++) {
            if (compilable(compiled, module.functions().get(i))) {
                compilable.set(imported + i);
            }
        }
        ModuleLayout layout = new ModuleLayout(compiled, compilable);
        return new CompiledCode(new ModuleClassLoader(layout), layout, compilable);
    }

    private static boolean compilable(CompiledModule compiled, Function function) {
        FuncType type = (FuncType) compiled.module().types().get(function.typeIndex()).compType();
        if (!JvmTypes.supported(type.params()) || !JvmTypes.supported(type.results())) {
            return false;
        }
        for (Locals locals : function.locals()) {
            if (!JvmTypes.supported(locals.type())) {
                return false;
            }
        }
        for (Instruction instruction : function.body().instructions()) {
            if (instruction.opcode().feature() == Feature.SIMD) {
                return false;
            }
            if (instruction instanceof Instruction.Block block && block.type() instanceof BlockType.Value v
                    && !JvmTypes.supported(v.type())) {
                return false;
            }
        }
        return true;
    }
}
