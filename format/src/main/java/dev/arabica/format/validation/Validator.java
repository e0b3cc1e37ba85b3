package dev.arabica.format.validation;

import dev.arabica.format.InvalidModuleException;
import dev.arabica.format.WasmFormatException;
import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.AddressType;
import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Global;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.Locals;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;


/**
 * Validates modules against the WebAssembly 2.0 specification. Constructs of later proposals are
 * rejected with {@code not supported yet: <proposal>} rather than accepted unchecked.
 */
public final class Validator {

    /** The features whose validation rules are implemented: those of WebAssembly 2.0. */
    public static final Set<Feature> SUPPORTED = Feature.wasm2();

    private static final long MAX_MEMORY_PAGES = 65536;

    private final ModuleContext context;

    private Validator(Module module) {
        this.context = new ModuleContext(module, SUPPORTED);
    }

    /** Validates {@code module}; throws {@link InvalidModuleException} naming the rule broken and where. */
    public static ModuleInfo validate(Module module) {
        return new Validator(module).validate();
    }

    /** A module that passed validation, and what the validator learned about it. */
    public record ValidModule(Module module, ModuleInfo info) {
    }

    /**
     * Decodes and validates a binary module, reading each function body once: bodies are validated
     * from their bytes and stay {@linkplain dev.arabica.format.model.Expr#encoded() encoded} until
     * first used (see RATIONALE.md). If that fails, the module is decoded in full and validated
     * again, so that the error is the one {@link ModuleDecoder#decode(byte[], Set)} and {@link
     * #validate} give: the first malformed part before any invalid one. (Should that pass, the two
     * disagree, which is a defect: an {@link IllegalStateException} says so.)
     */
    public static ValidModule decodeAndValidate(byte[] bytes, Set<Feature> features) {
        try {
            Module module = ModuleDecoder.decodeLazily(bytes, features);
            return new ValidModule(module, validate(module));
        } catch (WasmFormatException lazyFailure) {
            validate(ModuleDecoder.decode(bytes, features));
            throw new IllegalStateException("validating function bodies from their bytes rejected a module that "
                    + "decodes and validates: " + lazyFailure.describe(), lazyFailure);
        }
    }

    private static InvalidModuleException invalid(String reason) {
        return new InvalidModuleException(reason, -1, -1);
    }

    private static InvalidModuleException unsupported(Feature feature) {
        return invalid("not supported yet: " + feature.proposal());
    }

    private ModuleInfo validate() {
        Module module = context.module;
        for (RecGroup group : module.recGroups()) {
            recGroup(group);
        }
        for (Import i : module.imports()) {
            importEntry(i);
        }
        for (Table table : module.tables()) {
            tableType(table.type());
            if (table.init() != null) {
                throw unsupported(Feature.FUNCTION_REFERENCES);
            }
        }
        for (MemoryType memory : module.memories()) {
            memoryType(memory);
        }
        if (context.memories.size() > 1) {
            throw invalid("multiple memories (not supported yet: " + Feature.MULTI_MEMORY.proposal() + ")");
        }
        if (!context.tags.isEmpty()) {
            throw unsupported(Feature.EXCEPTIONS);
        }
        declareReferences(module);
        for (int i = 0; i < module.globals().size(); i++) {
            Global global = module.globals().get(i);
            checkValType(context, global.type().valType(), Validator::invalid);
            constExpr(global.init(), global.type().valType());
        }
        exports(module.exports());
        if (module.start().isPresent()) {
            start(module.start().getAsInt());
        }
        for (ElementSegment segment : module.elements()) {
            element(segment);
        }
        for (DataSegment segment : module.data()) {
            data(segment);
        }
        return functions(module);
    }

    private void recGroup(RecGroup group) {
        if (group.explicit()) {
            throw unsupported(Feature.GC);
        }
        for (SubType type : group.types()) {
            if (type.describes().isPresent() || type.descriptor().isPresent()) {
                throw unsupported(Feature.CUSTOM_DESCRIPTORS);
            }
            if (!type.isFinal() || !type.supertypes().isEmpty() || !(type.compType() instanceof FuncType func)) {
                throw unsupported(Feature.GC);
            }
            func.params().forEach(t -> checkValType(context, t, Validator::invalid));
            func.results().forEach(t -> checkValType(context, t, Validator::invalid));
        }
    }

    /**
     * Checks that a value type is within the supported features: numbers, vectors, and the
     * nullable {@code funcref} and {@code externref} of WebAssembly 2.0.
     */
    static void checkValType(ModuleContext context, ValType type, java.util.function.Function<String, InvalidModuleException> fail) {
        if (!(type instanceof RefType ref)) {
            return;
        }
        if (ref.exact()) {
            throw fail.apply("not supported yet: " + Feature.CUSTOM_DESCRIPTORS.proposal());
        }
        if (ref.heapType() instanceof AbsHeapType abs) {
            if (abs == AbsHeapType.EXN || abs == AbsHeapType.NOEXN) {
                throw fail.apply("not supported yet: " + Feature.EXCEPTIONS.proposal());
            }
            if (abs != AbsHeapType.FUNC && abs != AbsHeapType.EXTERN) {
                throw fail.apply("not supported yet: " + Feature.GC.proposal());
            }
            if (ref.nullable()) {
                return;
            }
        }
        throw fail.apply("not supported yet: " + Feature.FUNCTION_REFERENCES.proposal());
    }

    private void importEntry(Import entry) {
        ExternType type = entry.type();
        if (type instanceof ExternType.Func func) {
            if (func.exact()) {
                throw unsupported(Feature.CUSTOM_DESCRIPTORS);
            }
            if (context.types.funcType(func.typeIndex()) == null) {
                throw invalid("unknown type " + Integer.toUnsignedString(func.typeIndex()) + " in import "
                        + entry.module() + "." + entry.name());
            }
        } else if (type instanceof ExternType.Table table) {
            tableType(table.type());
        } else if (type instanceof ExternType.Memory memory) {
            memoryType(memory.type());
        } else if (type instanceof ExternType.Global global) {
            globalType(global.type());
        } else {
            throw unsupported(Feature.EXCEPTIONS);
        }
    }

    private void globalType(GlobalType type) {
        if (type.shared()) {
            throw unsupported(Feature.THREADS);
        }
        checkValType(context, type.valType(), Validator::invalid);
    }

    private void tableType(TableType type) {
        if (type.limits().addressType() == AddressType.I64) {
            throw unsupported(Feature.MEMORY64);
        }
        checkValType(context, type.elementType(), Validator::invalid);
        limits(type.limits(), 0xFFFFFFFFL, "table size must be at most 2^32-1");
    }

    private void memoryType(MemoryType type) {
        if (type.limits().addressType() == AddressType.I64) {
            throw unsupported(Feature.MEMORY64);
        }
        if (type.shared()) {
            throw unsupported(Feature.THREADS);
        }
        if (type.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2) {
            throw unsupported(Feature.CUSTOM_PAGE_SIZES);
        }
        limits(type.limits(), MAX_MEMORY_PAGES, "memory size must be at most 65536 pages (4GiB)");
    }

    private static void limits(Limits limits, long bound, String tooLarge) {
        if (Long.compareUnsigned(limits.min(), bound) > 0) {
            throw invalid(tooLarge);
        }
        if (limits.max().isPresent()) {
            long max = limits.max().getAsLong();
            if (Long.compareUnsigned(max, bound) > 0) {
                throw invalid(tooLarge);
            }
            if (Long.compareUnsigned(limits.min(), max) > 0) {
                throw invalid("size minimum must not be greater than maximum");
            }
        }
    }

    /** C.refs: the functions named outside function bodies, which {@code ref.func} may reference. */
    private void declareReferences(Module module) {
        for (Global global : module.globals()) {
            declareIn(global.init());
        }
        for (ElementSegment segment : module.elements()) {
            segment.init().forEach(this::declareIn);
        }
        for (Export export : module.exports()) {
            if (export.kind() == ExternalKind.FUNC && export.index() >= 0) {
                context.declaredRefs.set(export.index());
            }
        }
    }

    private void declareIn(Expr expr) {
        for (Instruction instruction : expr.instructions()) {
            if (instruction.opcode() == Opcode.REF_FUNC && ((Instruction.Indexed) instruction).index() >= 0) {
                context.declaredRefs.set(((Instruction.Indexed) instruction).index());
            }
        }
    }

    /**
     * A constant expression: only constants, {@code ref.null}, {@code ref.func} and {@code global.get}
     * of an imported immutable global, with a result of {@code type}.
     */
    private void constExpr(Expr expr, ValType type) {
        FunctionValidator checker = new FunctionValidator(context, -1, List.of(), List.of());
        for (Instruction instruction : expr.instructions()) {
            switch (instruction.opcode()) {
                case I32_CONST, I64_CONST, F32_CONST, F64_CONST, V128_CONST, REF_NULL, REF_FUNC, END -> {
                }
                case GLOBAL_GET -> {
                    int index = ((Instruction.Indexed) instruction).index();
                    if (index < 0 || index >= context.importedGlobals) {
                        throw invalid("unknown global " + Integer.toUnsignedString(index)
                                + " (constant expressions may only read imported globals)");
                    }
                    if (context.globals.get(index).mutable()) {
                        throw invalid("constant expression required: global " + index + " is mutable");
                    }
                }
                default -> throw invalid("constant expression required: " + instruction.opcode().mnemonic()
                        + " is not constant");
            }
        }
        checker.validate(expr, List.of(type));
    }

    private void exports(List<Export> exports) {
        Set<String> names = new HashSet<>();
        for (Export export : exports) {
            if (!names.add(export.name())) {
                throw invalid("duplicate export name \"" + export.name() + "\"");
            }
            int count = switch (export.kind()) {
                case FUNC -> context.funcs.size();
                case TABLE -> context.tables.size();
                case MEMORY -> context.memories.size();
                case GLOBAL -> context.globals.size();
                case TAG -> context.tags.size();
            };
            if (export.index() < 0 || export.index() >= count) {
                String what = export.kind() == ExternalKind.FUNC ? "function" : export.kind().text();
                throw invalid("unknown " + what + " " + Integer.toUnsignedString(export.index()) + " in export \""
                        + export.name() + "\"");
            }
        }
    }

    private void start(int function) {
        FuncType type = context.funcType(function);
        if (type == null) {
            throw invalid("unknown function " + Integer.toUnsignedString(function) + " as start function");
        }
        if (!type.params().isEmpty() || !type.results().isEmpty()) {
            throw invalid("start function must have type [] -> [], has " + type);
        }
    }

    private void element(ElementSegment segment) {
        RefType type = segment.type();
        if (!type.equals(RefType.nonNullable(AbsHeapType.FUNC))) {
            checkValType(context, type, Validator::invalid);
        }
        for (Expr init : segment.init()) {
            constExpr(init, type);
        }
        if (segment.mode() instanceof SegmentMode.Active active) {
            if (active.index() < 0 || active.index() >= context.tables.size()) {
                throw invalid("unknown table " + Integer.toUnsignedString(active.index()));
            }
            TableType table = context.tables.get(active.index());
            constExpr(active.offset(), table.limits().addressType().valType());
            if (!context.types.isSubtype(type, table.elementType())) {
                throw invalid("type mismatch: element segment of " + type + " for a table of " + table.elementType());
            }
        }
    }

    private void data(DataSegment segment) {
        if (segment.mode() instanceof SegmentMode.Active active) {
            if (active.index() < 0 || active.index() >= context.memories.size()) {
                throw invalid("unknown memory " + Integer.toUnsignedString(active.index()));
            }
            constExpr(active.offset(), context.memories.get(active.index()).limits().addressType().valType());
        }
    }

    private ModuleInfo functions(Module module) {
        int imported = context.funcs.size() - module.functions().size();
        int[] maxHeights = new int[module.functions().size()];
        long[] localCounts = new long[module.functions().size()];
        int[][] slotHeights = new int[module.functions().size()][];
        for (int i = 0; i < module.functions().size(); i++) {
            Function function = module.functions().get(i);
            int index = imported + i;
            FuncType type = context.types.funcType(function.typeIndex());
            if (type == null) {
                throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(function.typeIndex()),
                        index, function.body().offset(0));
            }
            long locals = 0;
            for (Locals run : function.locals()) {
                checkValType(context, run.type(),
                        reason -> new InvalidModuleException(reason, index, function.body().offset(0)));
                locals += run.count();
            }
            localCounts[i] = locals;
            FunctionValidator body = new FunctionValidator(context, index, type.params(), function.locals());
            maxHeights[i] = body.validate(function.body(), type.results());
            slotHeights[i] = body.slotHeights();
        }
        return new ModuleInfo(maxHeights, localCounts, slotHeights);
    }
}
