package dev.arabica.format.binary;

import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.Opcode;
import java.util.List;

/** Reads instructions that are already records: a text module's, or a body decoded before. */
final class ListInstructionReader extends InstructionReader {

    private final List<Instruction> instructions;
    private int next;
    private Instruction current;

    ListInstructionReader(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    @Override
    public Opcode next() {
        Instruction instruction = instructions.get(next++);
        current = instruction;
        Opcode op = instruction.opcode();
        opcode = op;
        switch (op.immediate()) {
            case BLOCK_TYPE -> blockType = ((Instruction.Block) instruction).type();
            case DATA, MEMORY, LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, ELEM, LANE ->
                    index = ((Instruction.Indexed) instruction).index();
            case DATA_MEMORY, MEMORY_MEMORY, TYPE_TABLE, ELEM_TABLE, TABLE_TABLE, TYPE_FIELD, TYPE_COUNT, TYPE_DATA,
                    TYPE_ELEM, TYPE_TYPE -> {
                Instruction.IndexPair pair = (Instruction.IndexPair) instruction;
                index = pair.first();
                second = pair.second();
            }
            case MEMARG -> memArg(((Instruction.Memory) instruction).memArg());
            case MEMARG_LANE -> {
                Instruction.MemoryLane access = (Instruction.MemoryLane) instruction;
                memArg(access.memArg());
                index = access.lane();
            }
            default -> {
            }
        }
        return op;
    }

    private void memArg(MemArg memArg) {
        memory = memArg.memory();
        alignLog2 = memArg.alignLog2();
        memoryOffset = memArg.offset();
    }

    @Override
    public Instruction instruction() {
        return current;
    }

    @Override
    public boolean atEnd() {
        return next == instructions.size();
    }

    @Override
    public boolean finished() {
        return atEnd();
    }

    @Override
    public boolean hasModuleOffsets() {
        return false;
    }
}
