package dev.arabica.format.binary;

import dev.arabica.format.MalformedModuleException;
import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.CustomSection;
import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.ExternalKind;
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
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.Tag;
import dev.arabica.format.model.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes a module from the binary format. Throws only {@link MalformedModuleException}, and
 * never allocates in proportion to a count that the bytes cannot back.
 */
public final class ModuleDecoder {

    static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};
    static final byte[] VERSION = {0x01, 0x00, 0x00, 0x00};

    /** The total number of locals a function may declare (the spec's limit is 2^32 - 1). */
    static final long MAX_LOCALS = 0xFFFFFFFFL;

    private final BinaryReader in;
    private final boolean multiMemory;
    private final boolean lazyBodies;
    private final Module.Builder module = Module.builder();
    private final List<Integer> functionTypes = new ArrayList<>();
    private int lastSectionRank;
    private int lastSectionId;
    private boolean hasDataCount;
    private Integer dataCount;
    private boolean sawCode;
    private boolean sawData;

    private ModuleDecoder(byte[] bytes, Set<Feature> features, boolean lazyBodies) {
        this.in = new BinaryReader(bytes);
        this.multiMemory = features.contains(Feature.MULTI_MEMORY);
        this.lazyBodies = lazyBodies;
    }

    /** Decodes a module using every feature Arabica can read. */
    public static Module decode(byte[] bytes) {
        return decode(bytes, Feature.all());
    }

    /**
     * Decodes a module; {@code features} decides the few encodings that differ between versions
     * (without multi-memory, a memory index is a reserved zero byte).
     */
    public static Module decode(byte[] bytes, Set<Feature> features) {
        return new ModuleDecoder(bytes, features, false).module();
    }

    /**
     * Decodes a module but leaves its function bodies {@linkplain Expr#encoded() encoded}, to be
     * decoded when first used. A body is only checked when the {@link
     * dev.arabica.format.validation.Validator} reads it, so validate the module before using it:
     * a malformed body then fails validation with a {@link MalformedModuleException}. Where a
     * module has several faults, the one reported may differ from {@link #decode(byte[], Set)}'s
     * (a later section's, or an invalid body's before a malformed one's).
     */
    public static Module decodeLazily(byte[] bytes, Set<Feature> features) {
        return new ModuleDecoder(bytes, features, true).module();
    }

    private Module module() {
        header();
        while (!in.atEnd()) {
            section();
        }
        if (!functionTypes.isEmpty() && !sawCode) {
            throw in.malformed("function and code section have inconsistent lengths");
        }
        if (dataCount != null && dataCount != 0 && !sawData) {
            throw in.malformed("data count and data section have inconsistent lengths");
        }
        return module.build();
    }

    private void header() {
        if (in.remaining() < MAGIC.length + VERSION.length) {
            throw new MalformedModuleException("unexpected end: " + in.remaining() + " bytes are too few for the header", 0);
        }
        for (byte expected : MAGIC) {
            if (in.atEnd() || in.u8() != (expected & 0xFF)) {
                throw new MalformedModuleException("magic header not detected", 0);
            }
        }
        for (byte expected : VERSION) {
            if (in.atEnd() || in.u8() != (expected & 0xFF)) {
                throw new MalformedModuleException("unknown binary version", 4);
            }
        }
    }

    /** Known sections must appear in this order, each at most once; custom sections anywhere. */
    private static int rank(int id) {
        return switch (id) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 5;
            case 13 -> 6;
            case 6 -> 7;
            case 7 -> 8;
            case 8 -> 9;
            case 9 -> 10;
            case 12 -> 11;
            case 10 -> 12;
            case 11 -> 13;
            default -> -1;
        };
    }

    private void section() {
        int idOffset = in.position();
        int id = in.u8();
        int rank = id == 0 ? 0 : rank(id);
        if (rank < 0) {
            throw in.malformedAt("malformed section id " + id, idOffset);
        }
        int size = in.u32();
        if (size < 0 || size > in.remaining()) {
            throw in.malformed("length out of bounds: section size " + Integer.toUnsignedString(size));
        }
        BinaryReader window = in.slice(size);
        // Bodies left encoded keep the code section alive, but not the rest of the module.
        BinaryReader body = id == 10 && lazyBodies ? window.detached() : window;
        if (id == 0) {
            module.addCustomSection(new CustomSection(body.name(), body.bytes(body.remaining()), lastSectionId));
            return;
        }
        if (rank <= lastSectionRank) {
            throw in.malformedAt("unexpected content after last section (section " + id + ")", idOffset);
        }
        lastSectionRank = rank;
        lastSectionId = id;
        switch (id) {
            case 1 -> repeat(body, 1, () -> module.addRecGroup(TypeDecoder.recGroup(body)));
            case 2 -> repeat(body, 3, () -> module.addImport(importEntry(body)));
            case 3 -> repeat(body, 1, () -> functionTypes.add(body.u32()));
            case 4 -> repeat(body, 3, () -> module.addTable(table(body)));
            case 5 -> repeat(body, 2, () -> module.addMemory(TypeDecoder.memoryType(body)));
            case 13 -> repeat(body, 2, () -> module.addTag(tag(body)));
            case 6 -> repeat(body, 3, () -> module.addGlobal(new Global(TypeDecoder.globalType(body), constExpr(body))));
            case 7 -> repeat(body, 3, () -> module.addExport(export(body)));
            case 8 -> module.start(body.u32());
            case 9 -> repeat(body, 2, () -> module.addElement(element(body)));
            case 12 -> {
                dataCount = body.u32();
                hasDataCount = true;
                module.dataCount(dataCount);
            }
            case 10 -> code(body);
            case 11 -> data(body);
            default -> throw new AssertionError("section " + id);
        }
        if (!body.atEnd()) {
            throw body.malformed("section size mismatch");
        }
    }

    private static void repeat(BinaryReader body, int minEntrySize, Runnable entry) {
        int count = body.vectorLength(minEntrySize);
        for (int i = 0; i < count; i++) {
            entry.run();
        }
    }

    private Import importEntry(BinaryReader body) {
        String moduleName = body.name();
        String name = body.name();
        int offset = body.position();
        int kind = body.u8();
        ExternType type = switch (kind) {
            case 0x00 -> new ExternType.Func(body.u32());
            case 0x01 -> new ExternType.Table(TypeDecoder.tableType(body));
            case 0x02 -> new ExternType.Memory(TypeDecoder.memoryType(body));
            case 0x03 -> new ExternType.Global(TypeDecoder.globalType(body));
            case 0x04 -> new ExternType.Tag(tag(body).typeIndex());
            case 0x20 -> new ExternType.Func(body.u32(), true);
            default -> throw body.malformedAt("malformed import kind 0x" + Integer.toHexString(kind), offset);
        };
        return new Import(moduleName, name, type);
    }

    private Table table(BinaryReader body) {
        if (body.peekU8() == 0x40) {
            int offset = body.position();
            body.u8();
            if (body.u8() != 0x00) {
                throw body.malformedAt("malformed table: zero byte expected after 0x40", offset);
            }
            TableType type = TypeDecoder.tableType(body);
            return new Table(type, constExpr(body));
        }
        return new Table(TypeDecoder.tableType(body), null);
    }

    private static Tag tag(BinaryReader body) {
        int offset = body.position();
        if (body.u8() != 0x00) {
            throw body.malformedAt("malformed tag attribute", offset);
        }
        return new Tag(body.u32());
    }

    private static Export export(BinaryReader body) {
        String name = body.name();
        int offset = body.position();
        int code = body.u8();
        for (ExternalKind kind : ExternalKind.values()) {
            if (kind.code() == code) {
                return new Export(name, kind, body.u32());
            }
        }
        throw body.malformedAt("malformed export kind 0x" + Integer.toHexString(code), offset);
    }

    private Expr constExpr(BinaryReader body) {
        return new InstructionDecoder(hasDataCount, multiMemory).expr(body);
    }

    /** The eight element segment encodings; function-index forms become {@code ref.func} expressions. */
    private ElementSegment element(BinaryReader body) {
        int offset = body.position();
        int flags = body.u32();
        if (flags < 0 || flags > 7) {
            throw body.malformedAt("malformed elements segment kind " + Integer.toUnsignedString(flags), offset);
        }
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicitTable = (flags & 2) != 0;
        boolean expressions = (flags & 4) != 0;
        SegmentMode mode;
        if (!passiveOrDeclarative) {
            int table = explicitTable ? body.u32() : 0;
            mode = new SegmentMode.Active(table, constExpr(body));
        } else {
            mode = explicitTable ? new SegmentMode.Declarative() : new SegmentMode.Passive();
        }
        boolean hasTypeField = passiveOrDeclarative || explicitTable;
        RefType type;
        List<Expr> init;
        if (expressions) {
            type = hasTypeField ? TypeDecoder.refType(body) : RefType.FUNCREF;
            int count = body.vectorLength(2);
            init = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                init.add(constExpr(body));
            }
        } else {
            if (hasTypeField) {
                int kindOffset = body.position();
                if (body.u8() != 0x00) {
                    throw body.malformedAt("malformed element kind", kindOffset);
                }
            }
            type = RefType.nonNullable(AbsHeapType.FUNC);
            int count = body.vectorLength(1);
            init = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                init.add(Expr.of(List.of(new Instruction.Indexed(Opcode.REF_FUNC, body.u32()),
                        Instruction.Plain.of(Opcode.END))));
            }
        }
        return new ElementSegment(mode, type, init);
    }

    private void code(BinaryReader body) {
        sawCode = true;
        int count = body.vectorLength(2);
        if (count != functionTypes.size()) {
            throw body.malformed("function and code section have inconsistent lengths");
        }
        InstructionDecoder instructions = new InstructionDecoder(hasDataCount, multiMemory);
        for (int i = 0; i < count; i++) {
            int size = body.u32();
            BinaryReader entry = body.slice(size);
            List<Locals> locals = locals(entry);
            Expr expr;
            if (lazyBodies) {
                expr = Expr.lazy(new EncodedBody(entry, hasDataCount, multiMemory));
            } else {
                expr = instructions.expr(entry);
                if (!entry.atEnd()) {
                    throw entry.malformed("section size mismatch: junk after the end of function " + i);
                }
            }
            module.addFunction(new Function(functionTypes.get(i), locals, expr));
        }
    }

    private static List<Locals> locals(BinaryReader entry) {
        int groups = entry.vectorLength(2);
        List<Locals> locals = new ArrayList<>(groups);
        long total = 0;
        for (int i = 0; i < groups; i++) {
            int offset = entry.position();
            long count = entry.u32AsLong();
            total += count;
            if (total > MAX_LOCALS) {
                throw entry.malformedAt("too many locals", offset);
            }
            locals.add(new Locals(count, TypeDecoder.valType(entry)));
        }
        return locals;
    }

    private void data(BinaryReader body) {
        sawData = true;
        int count = body.vectorLength(1);
        if (dataCount != null && dataCount != count) {
            throw body.malformed("data count and data section have inconsistent lengths");
        }
        for (int i = 0; i < count; i++) {
            int offset = body.position();
            int flags = body.u32();
            SegmentMode mode = switch (flags) {
                case 0 -> new SegmentMode.Active(0, constExpr(body));
                case 1 -> new SegmentMode.Passive();
                case 2 -> new SegmentMode.Active(body.u32(), constExpr(body));
                default -> throw body.malformedAt("malformed data segment kind " + Integer.toUnsignedString(flags), offset);
            };
            int length = body.vectorLength(1);
            module.addData(new DataSegment(mode, body.bytes(length)));
        }
    }
}
