package dev.arabica.fuzz.generate;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.TableType;
import java.util.List;

/**
 * What a function body may refer to: everything in the module but the bodies themselves, decided
 * before any body is written.
 *
 * @param types the type section
 * @param functionTypes the type index of each function, imports first
 * @param importedFunctions how many of the functions are imported (host functions)
 * @param globals the type of each global, imports first
 * @param fuelGlobal the global that bounds loop iterations and calls (see {@link Fuel}); bodies only read it
 * @param tables the type of each table
 * @param tableFunctions for each table, the function each slot holds after instantiation (-1 for null)
 * @param memoryPages the initial size of the memory in pages, or -1 when the module has none
 * @param dataSegments each data segment (without a reference type)
 * @param elementSegments each element segment
 * @param referencedFunctions the functions {@code ref.func} may name (those declared outside bodies)
 * @param simd whether bodies may use vector instructions
 * @param canonicalNans whether float results are canonicalized (see {@link NanCanonicalization})
 */
record ModuleEnvironment(
        List<FuncType> types,
        List<Integer> functionTypes,
        int importedFunctions,
        List<GlobalType> globals,
        int fuelGlobal,
        List<TableType> tables,
        List<List<Integer>> tableFunctions,
        int memoryPages,
        List<Segment> dataSegments,
        List<Segment> elementSegments,
        List<Integer> referencedFunctions,
        boolean simd,
        boolean canonicalNans) {

    /**
     * A data or element segment. Only a passive one can be used by {@code memory.init} or
     * {@code table.init} after instantiation: active and declarative segments are dropped by then.
     */
    record Segment(int length, boolean passive, RefType type) {
    }

    FuncType functionType(int function) {
        return types.get(functionTypes.get(function));
    }

    boolean hasMemory() {
        return memoryPages >= 0;
    }

    /** The memory's initial size in bytes (0 without a memory). */
    int memoryBytes() {
        return Math.max(memoryPages, 0) * 65536;
    }
}
