package dev.arabica.format.binary;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Catch;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.HeapType;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.V128;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes instruction sequences into flat {@link Expr}s, up to and including the {@code end} that
 * closes the sequence, recording each instruction's offset in the module.
 */
final class InstructionDecoder {

    private final boolean hasDataCount;
    private final boolean multiMemory;

    InstructionDecoder(boolean hasDataCount, boolean multiMemory) {
        this.hasDataCount = hasDataCount;
        this.multiMemory = multiMemory;
    }

    Expr expr(BinaryReader in) {
        Instruction[] instructions = new Instruction[16];
        int[] offsets = new int[16];
        int count = 0;
        int depth = 0;
        while (true) {
            int offset = in.position();
            Opcode op = opcode(in, offset);
            if (count == instructions.length) {
                instructions = Arrays.copyOf(instructions, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count] = offset;
            instructions[count++] = immediates(in, op, offset);
            if (op == Opcode.BLOCK || op == Opcode.LOOP || op == Opcode.IF || op == Opcode.TRY || op == Opcode.TRY_TABLE) {
                depth++;
            } else if (op == Opcode.END || op == Opcode.DELEGATE) {
                if (--depth < 0) {
                    if (op != Opcode.END) {
                        throw in.malformedAt("END opcode expected", offset);
                    }
                    // List.of copies the array once; Expr keeps an immutable list as it is.
                    return new Expr(List.of(Arrays.copyOf(instructions, count)), Arrays.copyOf(offsets, count));
                }
            }
        }
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

    private Instruction immediates(BinaryReader in, Opcode op, int offset) {
        ImmediateKind kind = op.immediate();
        switch (kind) {
            case NONE:
                return Instruction.Plain.of(op);
            case ZERO_BYTE:
                if (in.u8() != 0) {
                    throw in.malformedAt("zero byte expected", offset);
                }
                return Instruction.Plain.of(op);
            case BLOCK_TYPE:
                return new Instruction.Block(op, blockType(in));
            case DATA:
                requireDataCount(in, offset);
                return new Instruction.Indexed(op, in.u32());
            case MEMORY:
                return new Instruction.Indexed(op, memoryIndex(in));
            case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, ELEM:
                return new Instruction.Indexed(op, in.u32());
            case LANE:
                return new Instruction.Indexed(op, in.u8());
            case DATA_MEMORY:
                requireDataCount(in, offset);
                return new Instruction.IndexPair(op, in.u32(), memoryIndex(in));
            case MEMORY_MEMORY:
                return new Instruction.IndexPair(op, memoryIndex(in), memoryIndex(in));
            case TYPE_TABLE, ELEM_TABLE, TABLE_TABLE, TYPE_FIELD, TYPE_COUNT, TYPE_DATA, TYPE_ELEM,
                    TYPE_TYPE:
                return new Instruction.IndexPair(op, in.u32(), in.u32());
            case BR_TABLE: {
                int count = in.vectorLength(1);
                int[] labels = new int[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = in.u32();
                }
                return new Instruction.BrTable(labels, in.u32());
            }
            case MEMARG:
                return new Instruction.Memory(op, memArg(in));
            case MEMARG_LANE:
                return new Instruction.MemoryLane(op, memArg(in), in.u8());
            case I32:
                return new Instruction.I32Const(in.s32());
            case I64:
                return new Instruction.I64Const(in.s64());
            case F32:
                return new Instruction.F32Const(in.f32Bits());
            case F64:
                return new Instruction.F64Const(in.f64Bits());
            case V128:
                return new Instruction.V128Const(v128(in));
            case SHUFFLE:
                return new Instruction.Shuffle(v128(in));
            case SELECT_TYPES:
                return new Instruction.SelectTyped(TypeDecoder.valTypes(in));
            case HEAP_TYPE:
                return new Instruction.HeapTypeOp(op, TypeDecoder.heapType(in));
            case REF_TYPE:
                return new Instruction.RefTypeOp(op, TypeDecoder.refType(in));
            case BR_ON_CAST:
                return brOnCast(in, op, offset);
            case TRY_TABLE:
                return tryTable(in);
            default:
                throw new AssertionError("immediate kind " + kind);
        }
    }

    /** Before multi-memory, a memory index was a single reserved zero byte. */
    private int memoryIndex(BinaryReader in) {
        if (multiMemory) {
            return in.u32();
        }
        int offset = in.position();
        if (in.u8() != 0) {
            throw in.malformedAt("zero byte expected", offset);
        }
        return 0;
    }

    private void requireDataCount(BinaryReader in, int offset) {
        if (!hasDataCount) {
            throw in.malformedAt("data count section required", offset);
        }
    }

    private static V128 v128(BinaryReader in) {
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
        int offset = in.position();
        long index = in.s33();
        if (index < 0) {
            throw in.malformedAt("malformed block type", offset);
        }
        return new BlockType.TypeIndex((int) index);
    }

    /** Bit 6 of the alignment field says an explicit memory index follows (multi-memory). */
    private MemArg memArg(BinaryReader in) {
        int offset = in.position();
        long flags = in.u32AsLong();
        if (flags >= (multiMemory ? 0x80 : 0x40)) {
            throw in.malformedAt("malformed memop flags", offset);
        }
        int memory = (flags & 0x40) != 0 ? in.u32() : 0;
        return new MemArg(memory, (int) (flags & 0x3F), in.u64());
    }

    private static Instruction brOnCast(BinaryReader in, Opcode op, int offset) {
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

    private static Instruction tryTable(BinaryReader in) {
        BlockType type = blockType(in);
        int count = in.vectorLength(2);
        List<Catch> catches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int offset = in.position();
            int code = in.u8();
            Catch.Kind kind = null;
            for (Catch.Kind candidate : Catch.Kind.values()) {
                if (candidate.code() == code) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                throw in.malformedAt("malformed catch clause", offset);
            }
            int tag = kind.hasTag() ? in.u32() : -1;
            catches.add(new Catch(kind, tag, in.u32()));
        }
        return new Instruction.TryTable(type, catches);
    }
}
