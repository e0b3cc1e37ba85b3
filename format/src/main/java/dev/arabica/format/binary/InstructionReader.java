package dev.arabica.format.binary;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;

/**
 * Reads an instruction sequence one instruction at a time, up to and including the {@code end}
 * that closes it, keeping the common immediates in fields so that a pass over the code (the
 * validator's) needs no record per instruction; {@link #instruction()} gives the record when one
 * is wanted.
 */
public abstract class InstructionReader {

    Opcode opcode;
    int offset = -1;
    int index;
    int second;
    BlockType blockType;
    int memory;
    int alignLog2;
    long memoryOffset;

    InstructionReader() {
    }

    /**
     * A reader of {@code expr}: of its bytes in the module when it is a function body not yet
     * decoded, otherwise of its instructions.
     */
    public static InstructionReader of(Expr expr) {
        if (expr.encoded() instanceof EncodedBody body) {
            return body.reader();
        }
        return new ListInstructionReader(expr.instructions());
    }

    /** Reads the next instruction and its immediates; returns its opcode. */
    public abstract Opcode next();

    /** The current instruction as a record. */
    public abstract Instruction instruction();

    /** Whether there is nothing left to read, of the sequence or after it. */
    public abstract boolean atEnd();

    /** Whether {@link #offset()} is an offset in the module binary (not known for instructions built otherwise). */
    public abstract boolean hasModuleOffsets();

    /**
     * Whether the sequence is read: from bytes, once the {@code end} that closes it is read (what
     * follows is not part of it); from records, once all are read.
     */
    public abstract boolean finished();

    /** The offset of the current instruction's opcode in the module, or -1 if not known. */
    public final int offset() {
        return offset;
    }

    public final Opcode opcode() {
        return opcode;
    }

    /** The index immediate (label, function, local, lane, ...), or the first of two. */
    public final int index() {
        return index;
    }

    /** The second of two index immediates, in binary order (see {@link ImmediateKind}). */
    public final int second() {
        return second;
    }

    public final BlockType blockType() {
        return blockType;
    }

    /** The memory a memory access names. */
    public final int memory() {
        return memory;
    }

    public final int alignLog2() {
        return alignLog2;
    }

    /** The static offset of a memory access. */
    public final long memoryOffset() {
        return memoryOffset;
    }
}
