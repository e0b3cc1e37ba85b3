package dev.arabica.fuzz.generate;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Global;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.SegmentMode;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.Table;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Generates a random valid WebAssembly 2.0 module from a seed: types (multi-value included),
 * host imports, a memory, tables, globals, element and data segments (active, passive and
 * declarative), exports, sometimes a start function, then the function bodies. Every defined
 * function is exported as {@code f<index>} so the harness can call it.
 */
public final class ModuleGenerator {

    /** Out-of-bounds active segments make instantiation trap; a few modules should, most should not. */
    private static final double OUT_OF_BOUNDS_SEGMENT = 0.005;

    private final Rng rng;
    private final GeneratorOptions options;
    private final boolean simd;
    private final boolean canonicalNans;
    private final List<FuncType> types = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<GlobalType> globalTypes = new ArrayList<>();
    private final TreeSet<Integer> referenced = new TreeSet<>();
    private final Module.Builder builder = Module.builder();
    private int importedFunctions;
    private final List<HostGlobalImport> importedGlobals = new ArrayList<>();

    private ModuleGenerator(long seed, GeneratorOptions options) {
        this.rng = new Rng(seed);
        this.options = options;
        this.simd = rng.chance(options.simdShare());
        this.canonicalNans = rng.chance(options.canonicalNanShare());
    }

    public static GeneratedModule generate(long seed, GeneratorOptions options) {
        ModuleGenerator generator = new ModuleGenerator(seed, options);
        return new GeneratedModule(generator.generate(), generator.simd, generator.canonicalNans);
    }

    /** The export name of defined or imported function {@code index}. */
    public static String functionExport(int index) {
        return "f" + index;
    }

    private Module generate() {
        int typeCount = rng.between(2, 8);
        for (int i = 0; i < typeCount; i++) {
            types.add(randomFuncType());
        }
        importHostFunctions();
        importHostGlobals();
        int definedFunctions = rng.between(1, options.maxFunctions());
        for (int i = 0; i < definedFunctions; i++) {
            functionTypes.add(rng.below(types.size()));
        }
        int memoryPages = memory();
        int fuelGlobal = globals();
        List<TableType> tables = tables();
        List<ModuleEnvironment.Segment> elementSegments = new ArrayList<>();
        List<List<Integer>> tableFunctions = elements(tables, elementSegments);
        List<ModuleEnvironment.Segment> dataSegments = data(memoryPages);
        exports(memoryPages >= 0);

        ModuleEnvironment environment = new ModuleEnvironment(types, functionTypes, importedFunctions, globalTypes, fuelGlobal, tables,
                tableFunctions, memoryPages, dataSegments, elementSegments, List.copyOf(referenced), simd,
                canonicalNans);
        for (int i = importedFunctions; i < functionTypes.size(); i++) {
            builder.addFunction(FunctionGenerator.generate(rng, environment, options, i));
        }
        startFunction();
        types.forEach(type -> builder.addRecGroup(RecGroup.single(SubType.of(type))));
        return builder.build();
    }

    private FuncType randomFuncType() {
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        int paramCount = rng.weighted(3, 4, 3, 2, 1);
        for (int i = 0; i < paramCount; i++) {
            params.add(ValueTypes.random(rng, simd));
        }
        int resultCount = rng.weighted(3, 6, 2, 1);
        for (int i = 0; i < resultCount; i++) {
            results.add(ValueTypes.random(rng, simd));
        }
        return FuncType.of(params, results);
    }

    /** The index of {@code type} in the type section, appending it if absent. */
    private int typeIndex(FuncType type) {
        int index = types.indexOf(type);
        if (index < 0) {
            types.add(type);
            index = types.size() - 1;
        }
        return index;
    }

    private void importHostFunctions() {
        for (HostFunctionImport host : HostFunctionImport.values()) {
            if (rng.chance(0.3)) {
                int type = typeIndex(host.type());
                builder.addImport(new Import(HostFunctionImport.MODULE, host.importName(), new ExternType.Func(type)));
                functionTypes.add(type);
            }
        }
        importedFunctions = functionTypes.size();
    }

    private void importHostGlobals() {
        for (HostGlobalImport host : HostGlobalImport.values()) {
            if (rng.chance(0.3)) {
                builder.addImport(new Import(HostFunctionImport.MODULE, host.importName(), new ExternType.Global(host.type())));
                globalTypes.add(host.type());
                importedGlobals.add(host);
            }
        }
    }

    /** Adds the memory, if any; returns its initial pages, or -1. */
    private int memory() {
        if (rng.chance(0.15)) {
            return -1;
        }
        int pages = rng.weighted(1, 10, 3);
        Limits limits = rng.chance(0.5) ? Limits.of(pages) : Limits.of(pages, pages + rng.between(0, 3));
        builder.addMemory(MemoryType.of(limits));
        return pages;
    }

    /** Adds the fuel global and a few others; returns the fuel global's index. */
    private int globals() {
        int fuel = globalTypes.size();
        GlobalType fuelType = GlobalType.of(ValType.I32, true);
        builder.addGlobal(new Global(fuelType, constant(new Instruction.I32Const(Fuel.BUDGET))));
        globalTypes.add(fuelType);
        int count = rng.between(0, 5);
        for (int i = 0; i < count; i++) {
            GlobalType type = GlobalType.of(ValueTypes.random(rng, simd), rng.chance(0.6));
            builder.addGlobal(new Global(type, constantOf(type.valType())));
            globalTypes.add(type);
        }
        return fuel;
    }

    /** A constant expression of {@code type}: a constant, a null or function reference, or an imported global. */
    private Expr constantOf(ValType type) {
        List<Integer> sameTypeImports = new ArrayList<>();
        for (int i = 0; i < importedGlobals.size(); i++) {
            GlobalType imported = importedGlobals.get(i).type();
            if (!imported.mutable() && imported.valType().equals(type)) {
                sameTypeImports.add(i);
            }
        }
        if (!sameTypeImports.isEmpty() && rng.chance(0.3)) {
            return constant(new Instruction.Indexed(Opcode.GLOBAL_GET, rng.pick(sameTypeImports)));
        }
        if (type.equals(ValType.FUNCREF) && rng.chance(0.6)) {
            return refFunc(rng.below(functionTypes.size()));
        }
        if (type instanceof RefType ref) {
            return constant(new Instruction.HeapTypeOp(Opcode.REF_NULL, ref.heapType()));
        }
        return constant(constantInstruction(type));
    }

    private Instruction constantInstruction(ValType type) {
        if (type.equals(ValType.I32)) {
            return new Instruction.I32Const(InterestingValues.i32(rng));
        } else if (type.equals(ValType.I64)) {
            return new Instruction.I64Const(InterestingValues.i64(rng));
        } else if (type.equals(ValType.F32)) {
            return new Instruction.F32Const(InterestingValues.f32Bits(rng));
        } else if (type.equals(ValType.F64)) {
            return new Instruction.F64Const(InterestingValues.f64Bits(rng));
        }
        return new Instruction.V128Const(InterestingValues.v128(rng));
    }

    private static Expr constant(Instruction instruction) {
        return Expr.of(List.of(instruction, Instruction.Plain.of(Opcode.END)));
    }

    private Expr refFunc(int function) {
        referenced.add(function);
        return constant(new Instruction.Indexed(Opcode.REF_FUNC, function));
    }

    private List<TableType> tables() {
        List<TableType> tables = new ArrayList<>();
        int count = rng.weighted(1, 4, 2, 1);
        for (int i = 0; i < count; i++) {
            RefType element = i == 0 || rng.chance(0.6) ? ValType.FUNCREF : ValType.EXTERNREF;
            int size = rng.between(0, 12);
            Limits limits = rng.chance(0.5) ? Limits.of(size) : Limits.of(size, size + rng.between(0, 8));
            TableType type = new TableType(element, limits);
            builder.addTable(new Table(type, null));
            tables.add(type);
        }
        return tables;
    }

    /**
     * An active segment filling part of each funcref table, a few passive segments, and sometimes a
     * declarative one naming the imported functions so that {@code ref.func} may use them too.
     * Returns the function each table slot holds after instantiation (-1 for null).
     */
    private List<List<Integer>> elements(List<TableType> tables, List<ModuleEnvironment.Segment> segments) {
        List<List<Integer>> tableFunctions = new ArrayList<>();
        for (int table = 0; table < tables.size(); table++) {
            int size = (int) tables.get(table).limits().min();
            List<Integer> slots = new ArrayList<>(Collections.nCopies(size, -1));
            tableFunctions.add(slots);
            if (!tables.get(table).elementType().equals(ValType.FUNCREF) || size == 0 || rng.chance(0.2)) {
                continue;
            }
            int length = rng.between(1, size);
            int offset = rng.chance(OUT_OF_BOUNDS_SEGMENT) ? size - length + 1 : rng.between(0, size - length);
            List<Integer> functions = addElement(new SegmentMode.Active(table, constant(new Instruction.I32Const(offset))),
                    length, true, segments);
            for (int i = 0; i < length && offset + i < size; i++) {
                slots.set(offset + i, functions.get(i));
            }
        }
        int passive = rng.between(0, 2);
        for (int i = 0; i < passive; i++) {
            addElement(new SegmentMode.Passive(), rng.between(0, 6), rng.chance(0.75), segments);
        }
        if (importedFunctions > 0 && rng.chance(0.5)) {
            List<Expr> imports = new ArrayList<>();
            for (int i = 0; i < importedFunctions; i++) {
                imports.add(refFunc(i));
            }
            builder.addElement(new ElementSegment(new SegmentMode.Declarative(), RefType.nonNullable(AbsHeapType.FUNC),
                    imports));
            segments.add(new ModuleEnvironment.Segment(imports.size(), false, RefType.nonNullable(AbsHeapType.FUNC)));
        }
        return tableFunctions;
    }

    /** A segment of function references (with or without nulls) or of null externrefs; returns its functions (-1 for null). */
    private List<Integer> addElement(SegmentMode mode, int length, boolean functions,
            List<ModuleEnvironment.Segment> segments) {
        boolean nonNull = functions && rng.chance(0.4);
        RefType type = !functions ? ValType.EXTERNREF : nonNull ? RefType.nonNullable(AbsHeapType.FUNC) : ValType.FUNCREF;
        List<Expr> init = new ArrayList<>();
        List<Integer> contents = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            boolean isNull = !functions || (!nonNull && rng.chance(0.2));
            int function = isNull ? -1 : rng.below(functionTypes.size());
            init.add(isNull ? constant(new Instruction.HeapTypeOp(Opcode.REF_NULL, type.heapType())) : refFunc(function));
            contents.add(function);
        }
        builder.addElement(new ElementSegment(mode, type, init));
        segments.add(new ModuleEnvironment.Segment(length, mode instanceof SegmentMode.Passive, type));
        return contents;
    }

    private List<ModuleEnvironment.Segment> data(int memoryPages) {
        List<ModuleEnvironment.Segment> segments = new ArrayList<>();
        int count = rng.between(0, 4);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[rng.weighted(1, 6, 2) == 0 ? 0 : rng.between(1, rng.chance(0.8) ? 16 : 200)];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = (byte) (rng.chance(0.5) ? rng.nextInt() : InterestingValues.i32(rng));
            }
            SegmentMode mode = new SegmentMode.Passive();
            int memoryBytes = memoryPages * 65536;
            if (memoryPages >= 0 && bytes.length <= memoryBytes && rng.chance(0.6)) {
                int offset = rng.chance(OUT_OF_BOUNDS_SEGMENT) ? memoryBytes - bytes.length + 1
                        : rng.between(0, rng.chance(0.7) ? Math.min(256, memoryBytes - bytes.length) : memoryBytes - bytes.length);
                mode = new SegmentMode.Active(0, constant(new Instruction.I32Const(offset)));
            }
            builder.addData(new DataSegment(mode, bytes));
            segments.add(new ModuleEnvironment.Segment(bytes.length, mode instanceof SegmentMode.Passive, null));
        }
        builder.dataCount(count);
        return segments;
    }

    private void exports(boolean memory) {
        for (int i = importedFunctions; i < functionTypes.size(); i++) {
            builder.addExport(new Export(functionExport(i), ExternalKind.FUNC, i));
            referenced.add(i);
        }
        builder.addExport(new Export(Fuel.EXPORT, ExternalKind.GLOBAL, importedGlobals.size()));
        if (memory) {
            builder.addExport(new Export("memory", ExternalKind.MEMORY, 0));
        }
    }

    /** Sometimes a defined function of type [] -> [] runs as the start function. */
    private void startFunction() {
        List<Integer> candidates = new ArrayList<>();
        for (int i = importedFunctions; i < functionTypes.size(); i++) {
            FuncType type = types.get(functionTypes.get(i));
            if (type.params().isEmpty() && type.results().isEmpty()) {
                candidates.add(i);
            }
        }
        if (!candidates.isEmpty() && rng.chance(0.3)) {
            builder.start(rng.pick(candidates));
        }
    }
}
