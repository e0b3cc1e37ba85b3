package dev.arabica.format.binary;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.CustomSection;
import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Global;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.SegmentMode;
import dev.arabica.format.model.Table;
import java.util.List;
import java.util.function.Consumer;

/** Writes a module in the binary format, so that decoding the result gives an equal module. */
public final class ModuleEncoder {

    /** Known section ids in the order they must appear. */
    private static final int[] SECTION_ORDER = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};

    private final Module module;
    private final BinaryWriter out = new BinaryWriter();

    private ModuleEncoder(Module module) {
        this.module = module;
    }

    public static byte[] encode(Module module) {
        return new ModuleEncoder(module).encode();
    }

    private byte[] encode() {
        out.bytes(ModuleDecoder.MAGIC);
        out.bytes(ModuleDecoder.VERSION);
        customSectionsAfter(0);
        for (int id : SECTION_ORDER) {
            if (section(id)) {
                customSectionsAfter(id);
            }
        }
        return out.toByteArray();
    }

    private void customSectionsAfter(int sectionId) {
        for (CustomSection custom : module.customSections()) {
            if (custom.precedingSectionId() == sectionId) {
                BinaryWriter body = new BinaryWriter();
                body.name(custom.name());
                body.bytes(custom.content());
                out.u8(0);
                out.sized(body);
            }
        }
    }

    /**
     * Writes section {@code id} if the module has content for it, or if a custom section was
     * recorded after it (then empty, so the custom section goes back to where it was).
     */
    private boolean section(int id) {
        boolean anchorsCustom = module.customSections().stream().anyMatch(c -> c.precedingSectionId() == id);
        BinaryWriter body = new BinaryWriter();
        boolean present = switch (id) {
            case 1 -> vector(body, module.recGroups(), g -> TypeEncoder.recGroup(body, g));
            case 2 -> vector(body, module.imports(), i -> importEntry(body, i));
            case 3 -> vector(body, module.functions(), f -> body.u32(f.typeIndex()));
            case 4 -> vector(body, module.tables(), t -> table(body, t));
            case 5 -> vector(body, module.memories(), m -> TypeEncoder.memoryType(body, m));
            case 13 -> vector(body, module.tags(), t -> {
                body.u8(0);
                body.u32(t.typeIndex());
            });
            case 6 -> vector(body, module.globals(), g -> global(body, g));
            case 7 -> vector(body, module.exports(), e -> export(body, e));
            case 8 -> {
                module.start().ifPresent(body::u32);
                yield module.start().isPresent();
            }
            case 9 -> vector(body, module.elements(), e -> element(body, e));
            case 12 -> {
                module.dataCount().ifPresent(body::u32);
                yield module.dataCount().isPresent();
            }
            case 10 -> vector(body, module.functions(), f -> code(body, f));
            case 11 -> vector(body, module.data(), d -> data(body, d));
            default -> throw new AssertionError("section " + id);
        };
        if (!present && anchorsCustom && id != 8 && id != 12) {
            body.u32(0);
            present = true;
        }
        if (present) {
            out.u8(id);
            out.sized(body);
        }
        return present;
    }

    private static <T> boolean vector(BinaryWriter body, List<T> items, Consumer<T> entry) {
        if (items.isEmpty()) {
            return false;
        }
        body.u32(items.size());
        items.forEach(entry);
        return true;
    }

    private static void importEntry(BinaryWriter body, Import entry) {
        body.name(entry.module());
        body.name(entry.name());
        ExternType type = entry.type();
        if (type instanceof ExternType.Func func) {
            body.u8(func.exact() ? 0x20 : 0x00);
            body.u32(func.typeIndex());
        } else if (type instanceof ExternType.Table table) {
            body.u8(0x01);
            TypeEncoder.tableType(body, table.type());
        } else if (type instanceof ExternType.Memory memory) {
            body.u8(0x02);
            TypeEncoder.memoryType(body, memory.type());
        } else if (type instanceof ExternType.Global global) {
            body.u8(0x03);
            TypeEncoder.globalType(body, global.type());
        } else if (type instanceof ExternType.Tag tag) {
            body.u8(0x04);
            body.u8(0);
            body.u32(tag.typeIndex());
        }
    }

    private static void table(BinaryWriter body, Table table) {
        if (table.init() != null) {
            body.u8(0x40);
            body.u8(0x00);
            TypeEncoder.tableType(body, table.type());
            InstructionEncoder.expr(body, table.init());
        } else {
            TypeEncoder.tableType(body, table.type());
        }
    }

    private static void global(BinaryWriter body, Global global) {
        TypeEncoder.globalType(body, global.type());
        InstructionEncoder.expr(body, global.init());
    }

    private static void export(BinaryWriter body, Export export) {
        body.name(export.name());
        body.u8(export.kind().code());
        body.u32(export.index());
    }

    /**
     * Chooses among the eight encodings: the function-index forms when every initializer is a plain
     * {@code ref.func} and the type is {@code (ref func)}, as the decoder reads those forms; the
     * expression forms otherwise.
     */
    private static void element(BinaryWriter body, ElementSegment segment) {
        boolean functionIndices = segment.type().equals(RefType.nonNullable(AbsHeapType.FUNC))
                && segment.init().stream().allMatch(ModuleEncoder::isRefFunc);
        SegmentMode mode = segment.mode();
        int flags = functionIndices ? 0 : 4;
        boolean typeField;
        if (mode instanceof SegmentMode.Active active) {
            boolean defaultForm = active.index() == 0
                    && (functionIndices || segment.type().equals(RefType.FUNCREF));
            flags |= defaultForm ? 0 : 2;
            typeField = !defaultForm;
            body.u32(flags);
            if (!defaultForm) {
                body.u32(active.index());
            }
            InstructionEncoder.expr(body, active.offset());
        } else {
            flags |= mode instanceof SegmentMode.Declarative ? 3 : 1;
            typeField = true;
            body.u32(flags);
        }
        if (functionIndices) {
            if (typeField) {
                body.u8(0x00);
            }
            body.u32(segment.init().size());
            for (Expr init : segment.init()) {
                body.u32(((Instruction.Indexed) init.instructions().get(0)).index());
            }
        } else {
            if (typeField) {
                TypeEncoder.refType(body, segment.type());
            }
            body.u32(segment.init().size());
            segment.init().forEach(init -> InstructionEncoder.expr(body, init));
        }
    }

    private static boolean isRefFunc(Expr init) {
        List<Instruction> instructions = init.instructions();
        return instructions.size() == 2 && instructions.get(0).opcode() == Opcode.REF_FUNC
                && instructions.get(1).opcode() == Opcode.END;
    }

    private static void code(BinaryWriter body, Function function) {
        BinaryWriter entry = new BinaryWriter();
        entry.u32(function.locals().size());
        for (Locals locals : function.locals()) {
            entry.u64(locals.count());
            TypeEncoder.valType(entry, locals.type());
        }
        InstructionEncoder.expr(entry, function.body());
        body.sized(entry);
    }

    private static void data(BinaryWriter body, DataSegment segment) {
        if (segment.mode() instanceof SegmentMode.Active active) {
            if (active.index() == 0) {
                body.u32(0);
            } else {
                body.u32(2);
                body.u32(active.index());
            }
            InstructionEncoder.expr(body, active.offset());
        } else {
            body.u32(1);
        }
        body.u32(segment.bytes().length);
        body.bytes(segment.bytes());
    }
}
