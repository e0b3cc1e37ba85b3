package dev.arabica.fuzz;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.FuncType;
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
import dev.arabica.format.model.SegmentMode;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.Table;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.ValType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a generated module in the text format, one instruction per line with nesting shown by
 * indentation, all indices numeric. Failures are archived this way for people to read, and the
 * {@link Reducer} shrinks a module by deleting lines of this text. Covers what the generator
 * produces (WebAssembly 2.0, one memory), not every module.
 */
public final class WatPrinter {

    private final StringBuilder out = new StringBuilder();

    private WatPrinter() {
    }

    public static String print(Module module) {
        WatPrinter printer = new WatPrinter();
        printer.module(module);
        return printer.out.toString();
    }

    private void module(Module module) {
        out.append("(module\n");
        List<SubType> types = module.types();
        for (int i = 0; i < types.size(); i++) {
            line(1, "(type (;" + i + ";) (func" + signature((FuncType) types.get(i).compType()) + "))");
        }
        for (Import entry : module.imports()) {
            line(1, "(import \"" + entry.module() + "\" \"" + entry.name() + "\" " + importDescription(entry.type()) + ")");
        }
        for (Table table : module.tables()) {
            line(1, "(table " + tableType(table.type()) + ")");
        }
        for (MemoryType memory : module.memories()) {
            line(1, "(memory " + limits(memory.limits()) + ")");
        }
        for (Global global : module.globals()) {
            line(1, "(global " + globalType(global.type()) + " " + constant(global.init()) + ")");
        }
        for (Export export : module.exports()) {
            line(1, "(export \"" + export.name() + "\" (" + export.kind().text() + " " + export.index() + "))");
        }
        module.start().ifPresent(start -> line(1, "(start " + start + ")"));
        for (ElementSegment segment : module.elements()) {
            element(segment);
        }
        int imported = module.importCount(ExternalKind.FUNC);
        for (int i = 0; i < module.functions().size(); i++) {
            function(imported + i, module.functions().get(i));
        }
        for (DataSegment segment : module.data()) {
            data(segment);
        }
        out.append(")\n");
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }

    private static String signature(FuncType type) {
        StringBuilder text = new StringBuilder();
        if (!type.params().isEmpty()) {
            text.append(" (param ").append(types(type.params())).append(')');
        }
        if (!type.results().isEmpty()) {
            text.append(" (result ").append(types(type.results())).append(')');
        }
        return text.toString();
    }

    private static String types(List<ValType> types) {
        return types.stream().map(ValType::text).collect(Collectors.joining(" "));
    }

    private static String importDescription(ExternType type) {
        if (type instanceof ExternType.Func func) {
            return "(func (type " + func.typeIndex() + "))";
        } else if (type instanceof ExternType.Global global) {
            return "(global " + globalType(global.type()) + ")";
        } else if (type instanceof ExternType.Table table) {
            return "(table " + tableType(table.type()) + ")";
        } else if (type instanceof ExternType.Memory memory) {
            return "(memory " + limits(memory.type().limits()) + ")";
        }
        throw new IllegalArgumentException("cannot print an import of " + type);
    }

    private static String globalType(GlobalType type) {
        return type.mutable() ? "(mut " + type.valType().text() + ")" : type.valType().text();
    }

    private static String tableType(TableType type) {
        return limits(type.limits()) + " " + type.elementType().text();
    }

    private static String limits(Limits limits) {
        return limits.min() + (limits.max().isPresent() ? " " + limits.max().getAsLong() : "");
    }

    /** A constant expression, folded: {@code (i32.const 5)}. */
    private static String constant(Expr expr) {
        return "(" + instruction(expr.instructions().get(0)) + ")";
    }

    private void element(ElementSegment segment) {
        StringBuilder text = new StringBuilder("(elem");
        if (segment.mode() instanceof SegmentMode.Active active) {
            text.append(" (table ").append(active.index()).append(") (offset ").append(constant(active.offset())).append(')');
        } else if (segment.mode() instanceof SegmentMode.Declarative) {
            text.append(" declare");
        }
        text.append(' ').append(segment.type().text());
        for (Expr init : segment.init()) {
            text.append(" (item ").append(instruction(init.instructions().get(0))).append(')');
        }
        line(1, text.append(')').toString());
    }

    private void data(DataSegment segment) {
        StringBuilder text = new StringBuilder("(data");
        if (segment.mode() instanceof SegmentMode.Active active) {
            text.append(" (memory ").append(active.index()).append(") (offset ").append(constant(active.offset())).append(')');
        }
        text.append(" \"");
        for (byte b : segment.bytes()) {
            text.append(String.format("\\%02x", b & 0xFF));
        }
        line(1, text.append("\")").toString());
    }

    private void function(int index, Function function) {
        StringBuilder header = new StringBuilder("(func (;" + index + ";) (type " + function.typeIndex() + ")");
        for (Locals locals : function.locals()) {
            header.append(" (local").append((" " + locals.type().text()).repeat((int) locals.count())).append(')');
        }
        line(1, header.toString());
        List<Instruction> body = function.body().instructions();
        int depth = 2;
        for (int i = 0; i < body.size() - 1; i++) {
            Instruction instruction = body.get(i);
            Opcode op = instruction.opcode();
            if (op == Opcode.END || op == Opcode.ELSE) {
                depth--;
            }
            line(depth, instruction(instruction));
            if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF || op == Opcode.ELSE) {
                depth++;
            }
        }
        line(1, ")");
    }

    static String instruction(Instruction instruction) {
        String name = instruction.opcode().mnemonic();
        if (instruction instanceof Instruction.Block block) {
            return name + blockType(block.type());
        } else if (instruction instanceof Instruction.Indexed indexed) {
            boolean memoryZero = instruction.opcode() == Opcode.MEMORY_SIZE || instruction.opcode() == Opcode.MEMORY_GROW
                    || instruction.opcode() == Opcode.MEMORY_FILL;
            return memoryZero ? name : name + " " + indexed.index();
        } else if (instruction instanceof Instruction.IndexPair pair) {
            return switch (instruction.opcode()) {
                case CALL_INDIRECT -> name + " " + pair.second() + " (type " + pair.first() + ")";
                case MEMORY_INIT -> name + " " + pair.first();
                case MEMORY_COPY -> name;
                case TABLE_INIT -> name + " " + pair.second() + " " + pair.first();
                default -> name + " " + pair.first() + " " + pair.second();
            };
        } else if (instruction instanceof Instruction.BrTable table) {
            StringBuilder text = new StringBuilder(name);
            for (int label : table.labels()) {
                text.append(' ').append(label);
            }
            return text.append(' ').append(table.defaultLabel()).toString();
        } else if (instruction instanceof Instruction.Memory memory) {
            return name + memArg(memory.memArg().offset(), memory.memArg().alignLog2());
        } else if (instruction instanceof Instruction.MemoryLane lane) {
            return name + memArg(lane.memArg().offset(), lane.memArg().alignLog2()) + " " + lane.lane();
        } else if (instruction instanceof Instruction.I32Const constant) {
            return name + " " + constant.value();
        } else if (instruction instanceof Instruction.I64Const constant) {
            return name + " " + constant.value();
        } else if (instruction instanceof Instruction.F32Const constant) {
            return name + " " + f32(constant.bits());
        } else if (instruction instanceof Instruction.F64Const constant) {
            return name + " " + f64(constant.bits());
        } else if (instruction instanceof Instruction.V128Const constant) {
            return name + " i64x2 " + constant.value().low() + " " + constant.value().high();
        } else if (instruction instanceof Instruction.Shuffle shuffle) {
            return name + lanes(shuffle.lanes().toBytes());
        } else if (instruction instanceof Instruction.SelectTyped select) {
            return name + " (result " + types(select.types()) + ")";
        } else if (instruction instanceof Instruction.HeapTypeOp heap) {
            return name + " " + heap.heapType().text();
        }
        return name;
    }

    private static String blockType(BlockType type) {
        if (type instanceof BlockType.TypeIndex index) {
            return " (type " + index.index() + ")";
        }
        return type instanceof BlockType.Value value ? " (result " + value.type().text() + ")" : "";
    }

    private static String memArg(long offset, int alignLog2) {
        return " offset=" + offset + " align=" + (1 << alignLog2);
    }

    private static String lanes(byte[] lanes) {
        StringBuilder text = new StringBuilder();
        for (byte lane : lanes) {
            text.append(' ').append(lane);
        }
        return text.toString();
    }

    /** An f32 by its bits: NaNs with their payload, hexadecimal otherwise, so nothing is rounded. */
    private static String f32(int bits) {
        String sign = bits < 0 ? "-" : "";
        if ((bits & 0x7F80_0000) == 0x7F80_0000) {
            int payload = bits & 0x7F_FFFF;
            return sign + (payload == 0 ? "inf" : "nan:0x" + Integer.toHexString(payload));
        }
        return Float.toHexString(Float.intBitsToFloat(bits));
    }

    private static String f64(long bits) {
        String sign = bits < 0 ? "-" : "";
        if ((bits & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L) {
            long payload = bits & 0xF_FFFF_FFFF_FFFFL;
            return sign + (payload == 0 ? "inf" : "nan:0x" + Long.toHexString(payload));
        }
        return Double.toHexString(Double.longBitsToDouble(bits));
    }
}
