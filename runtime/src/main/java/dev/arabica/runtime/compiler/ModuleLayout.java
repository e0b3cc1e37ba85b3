package dev.arabica.runtime.compiler;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.FuelCosts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** What the code generator needs to know about a module: index spaces, types, and which functions compile. */
final class ModuleLayout {

    private final CompiledModule compiled;
    private final Module module;
    /** The module's types by index (the module gathers them from its recursion groups on every call). */
    private final List<SubType> types;
    /** Compiled method descriptors by type index, made when first asked for: each call instruction asks. */
    private final String[] compiledDescriptors;
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<GlobalType> globals = new ArrayList<>();
    private final List<ValType> tableElements = new ArrayList<>();
    private final int importedFunctions;
    private final boolean hasMemory;
    private final BitSet compiledFunctions;
    private final Map<Integer, List<Integer>> indirectCandidates = new ConcurrentHashMap<>();

    ModuleLayout(CompiledModule compiled, BitSet compiledFunctions) {
        this.compiled = compiled;
        this.module = compiled.module();
        this.types = module.types();
        this.compiledDescriptors = new String[types.size()];
        this.compiledFunctions = compiledFunctions;
        for (Import entry : module.imports()) {
            if (entry.type() instanceof ExternType.Func f) {
                functionTypes.add(f.typeIndex());
            } else if (entry.type() instanceof ExternType.Global g) {
                globals.add(g.type());
            } else if (entry.type() instanceof ExternType.Table t) {
                tableElements.add(t.type().elementType());
            }
        }
        importedFunctions = functionTypes.size();
        module.functions().forEach(function -> functionTypes.add(function.typeIndex()));
        module.globals().forEach(global -> globals.add(global.type()));
        module.tables().forEach(table -> tableElements.add(table.type().elementType()));
        hasMemory = !module.memories().isEmpty() || !module.imports(ExternalKind.MEMORY).isEmpty();
    }

    /** The internal name of the class that holds function {@code function}'s method. */
    static String className(int function) {
        return ModuleClassLoader.PACKAGE_PATH + "F" + function;
    }

    CompiledModule compiled() {
        return compiled;
    }

    static String methodName(int function) {
        return "f" + function;
    }

    int importedFunctions() {
        return importedFunctions;
    }

    boolean isCompiled(int function) {
        return compiledFunctions.get(function);
    }

    FuncType functionType(int function) {
        return type(functionTypes.get(function));
    }

    FuncType type(int typeIndex) {
        return (FuncType) types.get(typeIndex).compType();
    }

    int canonicalType(int typeIndex) {
        return compiled.canonicalType(typeIndex);
    }

    GlobalType globalType(int index) {
        return globals.get(index);
    }

    ValType tableElementType(int index) {
        return tableElements.get(index);
    }

    /**
     * The compiled functions of this module that element segments put in tables and whose type is
     * {@code canonicalType}: the targets a {@code call_indirect} of that type calls directly.
     */
    List<Integer> indirectCandidates(int canonicalType) {
        return indirectCandidates.computeIfAbsent(canonicalType, type -> {
            Set<Integer> candidates = new TreeSet<>();
            for (ElementSegment segment : module.elements()) {
                for (Expr init : segment.init()) {
                    for (Instruction instruction : init.instructions()) {
                        if (instruction.opcode() == Opcode.REF_FUNC) {
                            int function = ((Instruction.Indexed) instruction).index();
                            if (isCompiled(function) && compiled.canonicalType(functionTypes.get(function)) == type) {
                                candidates.add(function);
                            }
                        }
                    }
                }
            }
            return List.copyOf(candidates);
        });
    }

    /** The engine's fuel costs, or null when it does not meter fuel. */
    FuelCosts fuelCosts() {
        return compiled.engine().fuelCosts();
    }

    /** The descriptor of function {@code index}'s compiled method. */
    String compiledDescriptor(int index) {
        int typeIndex = functionTypes.get(index);
        String descriptor = compiledDescriptors[typeIndex];
        if (descriptor == null) {
            // Classes of one module may be generated on several threads; they compute equal strings.
            descriptor = JvmTypes.compiledDescriptor(type(typeIndex), fuelCosts() != null);
            compiledDescriptors[typeIndex] = descriptor;
        }
        return descriptor;
    }

    int maxCallDepth() {
        return compiled.engine().maxCallDepth();
    }

    boolean checksEpoch() {
        return compiled.engine().epochInterruption();
    }

    boolean hasMemory() {
        return hasMemory;
    }

    List<ValType> blockParams(BlockType type) {
        return type instanceof BlockType.TypeIndex index ? type(index.index()).params() : List.of();
    }

    List<ValType> blockResults(BlockType type) {
        if (type instanceof BlockType.TypeIndex index) {
            return type(index.index()).results();
        }
        return type instanceof BlockType.Value value ? List.of(value.type()) : List.of();
    }
}
