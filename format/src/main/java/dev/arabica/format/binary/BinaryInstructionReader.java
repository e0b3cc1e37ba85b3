package dev.arabica.format.binary;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Catch;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.HeapType;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.V128;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads instructions from their binary encoding. The decoder builds every {@link Expr} through it,
 * so the validator, reading bodies from their bytes, sees what the decoder would.
 */
final class BinaryInstructionReader extends InstructionReader {

    private final BinaryReader in;
    private final boolean hasDataCount;
    private final boolean multiMemory;
    private long constantBits;
    private Instruction whole;
    private int depth;
    private boolean finished;

    BinaryInstructionReader(BinaryReader in, boolean hasDataCount, boolean multiMemory) {
        this.in = in;
        this.hasDataCount = hasDataCount;
        this.multiMemory = multiMemory;
    }

    @Override
    public boolean hasModuleOffsets() {
        return true;
    }

    @Override
    public boolean atEnd() {
        return in.atEnd();
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public Opcode next() {
        offset = in.position();
        Opcode op = opcode(in, offset);
        opcode = op;
        immediates(op);
        if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF || op == Opcode.TRY || op == Opcode.TRY_TABLE) {
            depth++;
        } else if ((op == Opcode.END || op == Opcode.DELEGATE) && --depth < 0) {
            if (op != Opcode.END) {
                throw in.malformedAt("END opcode expected", offset);
            }
            finished = true;
        }
        return op;
    }

    @Override
    public Instruction instruction() {
        Opcode op = opcode;
        return switch (op.immediate()) {
            case NONE, ZERO_BYTE -> Instruction.Plain.of(op);
            case BLOCK_TYPE -> new Instruction.Block(op, blockType);
            case DATA, MEMORY, LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, ELEM, LANE ->
                    new Instruction.Indexed(op, index);
            case DATA_MEMORY, MEMORY_MEMORY, TYPE_TABLE, ELEM_TABLE, TABLE_TABLE, TYPE_FIELD, TYPE_COUNT, TYPE_DATA,
                    TYPE_ELEM, TYPE_TYPE -> new Instruction.IndexPair(op, index, second);
            case MEMARG -> new Instruction.Memory(op, new MemArg(memory, alignLog2, memoryOffset));
            case MEMARG_LANE -> new Instruction.MemoryLane(op, new MemArg(memory, alignLog2, memoryOffset), index);
            case I32 -> new Instruction.I32Const((int) constantBits);
            case I64 -> new Instruction.I64Const(constantBits);
            case F32 -> new Instruction.F32Const((int) constantBits);
            case F64 -> new Instruction.F64Const(constantBits);
            case BR_TABLE, V128, SHUFFLE, SELECT_TYPES, HEAP_TYPE, REF_TYPE, BR_ON_CAST, TRY_TABLE -> whole;
        };
    }

    private static Opcode opcode(BinaryReader in, int offset) {
        int code = in.u8();
        Opcode op;
        if (code >= 0xFB && code <= 0xFE) {
            int sub = in.u32();
            op = Opcode.prefixed(code, sub);
            if (op == null) {
                throw in.malformedAt("illegal opcode " + Integer.toHexString(code) + " " + Integer.toUnsignedString(sub), offset);
            }
        } else {
            op = Opcode.singleByte(code);
            if (op == null) {
                throw in.malformedAt("illegal opcode " + Integer.toHexString(code), offset);
            }
        }
        return op;
    }

    /** Reads the immediates into fields, or for the rarer kinds into a whole record. */
    private void immediates(Opcode op) {
        switch (op.immediate()) {
            case NONE -> {
            }
            case ZERO_BYTE -> {
                if (in.u8() != 0) {
                    throw in.malformedAt("zero byte expected", offset);
                }
            }
            case BLOCK_TYPE -> blockType = blockType(in);
            case DATA -> {
                requireDataCount();
                index = in.u32();
            }
            case MEMORY -> index = memoryIndex();
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, ELEM -> index = in.u32();
            case LANE -> index = in.u8();
            case DATA_MEMORY -> {
                requireDataCount();
                index = in.u32();
                second = memoryIndex();
            }
            case MEMORY_MEMORY -> {
                index = memoryIndex();
                second = memoryIndex();
            }
            case TYPE_TABLE, ELEM_TABLE, TABLE_TABLE, TYPE_FIELD, TYPE_COUNT, TYPE_DATA, TYPE_ELEM, TYPE_TYPE -> {
                index = in.u32();
                second = in.u32();
            }
            case MEMARG -> memArg();
            case MEMARG_LANE -> {
                memArg();
                index = in.u8();
            }
            case I32 -> constantBits = in.s32();
            case I64 -> constantBits = in.s64();
            case F32 -> constantBits = in.f32Bits();
            case F64 -> constantBits = in.f64Bits();
            case BR_TABLE -> whole = brTable();
            case V128 -> whole = new Instruction.V128Const(v128());
            case SHUFFLE -> whole = new Instruction.Shuffle(v128());
            case SELECT_TYPES -> whole = new Instruction.SelectTyped(TypeDecoder.valTypes(in));
            case HEAP_TYPE -> whole = new Instruction.HeapTypeOp(op, TypeDecoder.heapType(in));
            case REF_TYPE -> whole = new Instruction.RefTypeOp(op, TypeDecoder.refType(in));
            case BR_ON_CAST -> whole = brOnCast(op);
            case TRY_TABLE -> whole = tryTable();
        }
    }

    /** Before multi-memory, a memory index was a single reserved zero byte. */
    private int memoryIndex() {
        if (multiMemory) {
            return in.u32();
        }
        int at = in.position();
        if (in.u8() != 0) {
            throw in.malformedAt("zero byte expected", at);
        }
        return 0;
    }

    private void requireDataCount() {
        if (!hasDataCount) {
            throw in.malformedAt("data count section required", offset);
        }
    }

    private V128 v128() {
        return V128.fromBytes(in.bytes(16), 0);
    }

    private static BlockType blockType(BinaryReader in) {
        int code = in.peekU8();
        if (code == 0x40) {
            in.u8();
            return BlockType.EMPTY;
        }
        if (TypeDecoder.startsValType(code)) {
            return new BlockType.Value(TypeDecoder.valType(in));
        }
        int at = in.position();
        long typeIndex = in.s33();
        if (typeIndex < 0) {
            throw in.malformedAt("malformed block type", at);
        }
        return new BlockType.TypeIndex((int) typeIndex);
    }

    /** Bit 6 of the alignment field says an explicit memory index follows (multi-memory). */
    private void memArg() {
        int at = in.position();
        long flags = in.u32AsLong();
        if (flags >= (multiMemory ? 0x80 : 0x40)) {
            throw in.malformedAt("malformed memop flags", at);
        }
        memory = (flags & 0x40) != 0 ? in.u32() : 0;
        alignLog2 = (int) (flags & 0x3F);
        memoryOffset = in.u64();
    }

    private Instruction brTable() {
        int count = in.vectorLength(1);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = in.u32();
        }
        return new Instruction.BrTable(labels, in.u32());
    }

    private Instruction brOnCast(Opcode op) {
        int flags = in.u8();
        if (flags > 0x0F) {
            throw in.malformedAt("malformed cast flags", offset);
        }
        int label = in.u32();
        HeapType source = TypeDecoder.heapType(in);
        HeapType target = TypeDecoder.heapType(in);
        return new Instruction.BrOnCast(op, label,
                new RefType((flags & 1) != 0, (flags & 4) != 0, source),
                new RefType((flags & 2) != 0, (flags & 8) != 0, target));
    }

    private Instruction tryTable() {
        BlockType type = blockType(in);
        int count = in.vectorLength(2);
        List<Catch> catches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = in.position();
            int code = in.u8();
            Catch.Kind kind = null;
            for (Catch.Kind candidate : Catch.Kind.values()) {
                if (candidate.code() == code) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                throw in.malformedAt("malformed catch clause", at);
            }
            int tag = kind.hasTag() ? in.u32() : -1;
            catches.add(new Catch(kind, tag, in.u32()));
        }
        return new Instruction.TryTable(type, catches);
    }
}
