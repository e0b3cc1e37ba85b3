package dev.arabica.runtime;

import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.SegmentMode;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.compiler.CompiledCode;
import dev.arabica.runtime.compiler.CompiledFunc;
import dev.arabica.runtime.interpreter.WasmFunc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The specification's instantiation: allocate functions, tables, memories and globals; export;
 * initialise tables and memories from active segments in order (trapping on the first that does
 * not fit, keeping what was written before); drop active and declarative segments; run the start
 * function.
 */
final class Instantiation {

    private final Store store;
    private final CompiledModule compiled;
    private final Module module;
    private final Extern[] imports;

    Instantiation(Store store, CompiledModule compiled, Extern[] imports) {
        this.store = store;
        this.compiled = compiled;
        this.module = compiled.module();
        this.imports = imports;
    }

    Instance run() {
        store.reserveInstance(module.tables().size(), module.memories().size());
        List<Func> funcs = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<Memory> memories = new ArrayList<>();
        List<Global> globals = new ArrayList<>();
        for (int i = 0; i < imports.length; i++) {
            Import entry = module.imports().get(i);
            ExternType type = entry.type();
            if (type instanceof ExternType.Func) {
                funcs.add((Func) imports[i]);
            } else if (type instanceof ExternType.Table) {
                tables.add((Table) imports[i]);
            } else if (type instanceof ExternType.Memory) {
                memories.add((Memory) imports[i]);
            } else if (type instanceof ExternType.Global) {
                globals.add((Global) imports[i]);
            }
        }
        Func[] funcArray = new Func[funcs.size() + module.functions().size()];
        Object[][] elems = new Object[module.elements().size()][];
        for (int i = 0; i < funcs.size(); i++) {
            funcArray[i] = funcs.get(i);
        }
        int imported = funcs.size();
        for (int i = 0; i < module.functions().size(); i++) {
            int typeIndex = module.functions().get(i).typeIndex();
            FuncType type = (FuncType) module.types().get(typeIndex).compType();
            CompiledCode code = compiled.code();
            funcArray[imported + i] = code != null && code.isCompiled(imported + i)
                    ? new CompiledFunc(type, compiled.canonicalType(typeIndex), code, imported + i)
                    : new WasmFunc(imported + i, i, type, compiled.canonicalType(typeIndex));
        }
        ConstEvaluator constants = new ConstEvaluator(funcArray, globals);
        for (dev.arabica.format.model.Global global : module.globals()) {
            globals.add(new Global(global.type(), constants.evaluate(global.init(), global.type().valType())));
        }
        List<Table> allTables = new ArrayList<>(tables);
        for (dev.arabica.format.model.Table table : module.tables()) {
            Object initial = table.init() == null ? null : constants.evaluate(table.init(), table.type().elementType()).ref();
            allTables.add(new Table(store, table.type(), initial));
        }
        for (MemoryType memory : module.memories()) {
            memories.add(new Memory(store, memory));
        }
        Instance complete = new Instance(store, compiled, funcArray, allTables.toArray(new Table[0]),
                memories.toArray(new Memory[0]), globals.toArray(new Global[0]), elems, exports(funcArray, allTables,
                        memories, globals));
        for (int i = imported; i < funcArray.length; i++) {
            if (funcArray[i] instanceof CompiledFunc compiledFunc) {
                compiledFunc.bind(complete);
            } else {
                ((WasmFunc) funcArray[i]).bind(complete);
            }
        }
        for (int i = 0; i < elems.length; i++) {
            ElementSegment segment = module.elements().get(i);
            Object[] values = new Object[segment.init().size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = constants.evaluate(segment.init().get(j), segment.type()).ref();
            }
            elems[i] = values;
        }
        initialise(complete);
        if (module.start().isPresent()) {
            funcArray[module.start().getAsInt()].call(store);
        }
        return complete;
    }

    private void initialise(Instance instance) {
        for (int i = 0; i < module.elements().size(); i++) {
            ElementSegment segment = module.elements().get(i);
            if (segment.mode() instanceof SegmentMode.Active active) {
                ConstEvaluator constants = new ConstEvaluator(instance.funcs, List.of(instance.globals));
                long offset = offset(constants.evaluate(active.offset(), ValType.I32));
                Object[] values = instance.elems[i];
                Table table = instance.tables[active.index()];
                if (offset + values.length > table.size()) {
                    throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
                }
                System.arraycopy(values, 0, table.elements(), (int) offset, values.length);
                instance.dropElem(i);
            } else if (segment.mode() instanceof SegmentMode.Declarative) {
                instance.dropElem(i);
            }
        }
        for (int i = 0; i < module.data().size(); i++) {
            DataSegment segment = module.data().get(i);
            if (segment.mode() instanceof SegmentMode.Active active) {
                ConstEvaluator constants = new ConstEvaluator(instance.funcs, List.of(instance.globals));
                long offset = offset(constants.evaluate(active.offset(), ValType.I32));
                Memory memory = instance.memories[active.index()];
                if (offset + segment.bytes().length > memory.bytes().length) {
                    throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
                }
                System.arraycopy(segment.bytes(), 0, memory.bytes(), (int) offset, segment.bytes().length);
                instance.dropData(i);
            }
        }
    }

    private static long offset(Value value) {
        return Integer.toUnsignedLong(value.asInt());
    }

    private Map<String, Extern> exports(Func[] funcs, List<Table> tables, List<Memory> memories,
            List<Global> globals) {
        Map<String, Extern> exports = new HashMap<>();
        for (Export export : module.exports()) {
            Extern extern = switch (export.kind()) {
                case FUNC -> funcs[export.index()];
                case TABLE -> tables.get(export.index());
                case MEMORY -> memories.get(export.index());
                case GLOBAL -> globals.get(export.index());
                case TAG -> throw new LinkException("exporting tags is not supported yet");
            };
            exports.put(export.name(), extern);
        }
        return exports;
    }

    /** Evaluates constant expressions: constants, {@code ref.null}, {@code ref.func}, {@code global.get}. */
    private record ConstEvaluator(Func[] funcs, List<Global> globals) {
        Value evaluate(Expr expr, ValType type) {
            Instruction first = expr.instructions().get(0);
            if (first instanceof Instruction.I32Const c) {
                return Value.i32(c.value());
            } else if (first instanceof Instruction.I64Const c) {
                return Value.i64(c.value());
            } else if (first instanceof Instruction.F32Const c) {
                return Value.f32Bits(c.bits());
            } else if (first instanceof Instruction.F64Const c) {
                return Value.f64Bits(c.bits());
            } else if (first instanceof Instruction.V128Const c) {
                return Value.v128(c.value());
            } else if (first instanceof Instruction.HeapTypeOp) {
                return Value.zero(type);
            } else if (first instanceof Instruction.Indexed indexed) {
                return switch (first.opcode()) {
                    case REF_FUNC -> new Value(type, 0, 0, funcs[indexed.index()]);
                    case GLOBAL_GET -> globals.get(indexed.index()).get();
                    default -> throw new IllegalStateException("not a constant instruction: " + first);
                };
            }
            throw new IllegalStateException("not a constant instruction: " + first);
        }
    }
}
