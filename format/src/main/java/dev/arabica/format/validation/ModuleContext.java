package dev.arabica.format.validation;

import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.Table;
import dev.arabica.format.model.TableType;
import dev.arabica.format.types.Subtyping;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The validation context C of the specification: the types of everything in the module's index
 * spaces, the element segment types, the data segment count and the declared function references.
 */
final class ModuleContext {

    final Module module;
    /** Whether each feature, by ordinal, is enabled: asked for every instruction. */
    private final boolean[] enabled = new boolean[Feature.values().length];
    final Subtyping types;
    final List<Integer> funcs = new ArrayList<>();
    final List<TableType> tables = new ArrayList<>();
    final List<MemoryType> memories = new ArrayList<>();
    final List<GlobalType> globals = new ArrayList<>();
    final List<Integer> tags = new ArrayList<>();
    final List<RefType> elems = new ArrayList<>();
    final int importedGlobals;
    /** Functions that may be referenced by {@code ref.func} in code: those named outside function bodies. */
    final BitSet declaredRefs = new BitSet();

    ModuleContext(Module module, Set<Feature> features) {
        this.module = module;
        for (Feature feature : features) {
            enabled[feature.ordinal()] = true;
        }
        this.types = new Subtyping(module.types());
        for (Import i : module.imports()) {
            ExternType type = i.type();
            if (type instanceof ExternType.Func f) {
                funcs.add(f.typeIndex());
            } else if (type instanceof ExternType.Table t) {
                tables.add(t.type());
            } else if (type instanceof ExternType.Memory m) {
                memories.add(m.type());
            } else if (type instanceof ExternType.Global g) {
                globals.add(g.type());
            } else if (type instanceof ExternType.Tag t) {
                tags.add(t.typeIndex());
            }
        }
        importedGlobals = globals.size();
        module.functions().forEach(f -> funcs.add(f.typeIndex()));
        for (Table table : module.tables()) {
            tables.add(table.type());
        }
        memories.addAll(module.memories());
        module.globals().forEach(g -> globals.add(g.type()));
        module.tags().forEach(t -> tags.add(t.typeIndex()));
        module.elements().forEach(e -> elems.add(e.type()));
    }

    boolean has(Feature feature) {
        return enabled[feature.ordinal()];
    }

    /** The type of function {@code index}, or null if it has none (unknown function or non-function type). */
    FuncType funcType(int index) {
        return index >= 0 && index < funcs.size() ? types.funcType(funcs.get(index)) : null;
    }

    int dataCount() {
        return module.dataCount().orElse(module.data().size());
    }
}
