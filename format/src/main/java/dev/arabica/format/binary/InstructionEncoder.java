package dev.arabica.format.binary;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Catch;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.V128;

/** Encodes instructions; the inverse of {@link InstructionDecoder}. */
final class InstructionEncoder {

    private InstructionEncoder() {
    }

    static void expr(BinaryWriter out, Expr expr) {
        for (Instruction instruction : expr.instructions()) {
            instruction(out, instruction);
        }
    }

    private static void instruction(BinaryWriter out, Instruction instruction) {
        Opcode op = instruction.opcode();
        if (op.prefix() != 0) {
            out.u8(op.prefix());
            out.u32(op.code());
        } else {
            out.u8(op.code());
        }
        if (instruction instanceof Instruction.Plain) {
            if (op.immediate() == ImmediateKind.ZERO_BYTE) {
                out.u8(0);
            }
        } else if (instruction instanceof Instruction.Block block) {
            blockType(out, block.type());
        } else if (instruction instanceof Instruction.Indexed indexed) {
            if (op.immediate() == ImmediateKind.LANE) {
                out.u8(indexed.index());
            } else {
                out.u32(indexed.index());
            }
        } else if (instruction instanceof Instruction.IndexPair pair) {
            out.u32(pair.first());
            out.u32(pair.second());
        } else if (instruction instanceof Instruction.BrTable table) {
            out.u32(table.labels().length);
            for (int label : table.labels()) {
                out.u32(label);
            }
            out.u32(table.defaultLabel());
        } else if (instruction instanceof Instruction.Memory memory) {
            memArg(out, memory.memArg());
        } else if (instruction instanceof Instruction.MemoryLane lane) {
            memArg(out, lane.memArg());
            out.u8(lane.lane());
        } else if (instruction instanceof Instruction.I32Const c) {
            out.s64(c.value());
        } else if (instruction instanceof Instruction.I64Const c) {
            out.s64(c.value());
        } else if (instruction instanceof Instruction.F32Const c) {
            out.f32(c.bits());
        } else if (instruction instanceof Instruction.F64Const c) {
            out.f64(c.bits());
        } else if (instruction instanceof Instruction.V128Const c) {
            v128(out, c.value());
        } else if (instruction instanceof Instruction.Shuffle s) {
            v128(out, s.lanes());
        } else if (instruction instanceof Instruction.SelectTyped select) {
            TypeEncoder.valTypes(out, select.types());
        } else if (instruction instanceof Instruction.HeapTypeOp h) {
            TypeEncoder.heapType(out, h.heapType());
        } else if (instruction instanceof Instruction.RefTypeOp r) {
            TypeEncoder.refType(out, r.refType());
        } else if (instruction instanceof Instruction.BrOnCast cast) {
            int flags = (cast.source().nullable() ? 1 : 0) | (cast.target().nullable() ? 2 : 0)
                    | (cast.source().exact() ? 4 : 0) | (cast.target().exact() ? 8 : 0);
            out.u8(flags);
            out.u32(cast.label());
            TypeEncoder.heapType(out, cast.source().heapType());
            TypeEncoder.heapType(out, cast.target().heapType());
        } else if (instruction instanceof Instruction.TryTable tryTable) {
            blockType(out, tryTable.type());
            out.u32(tryTable.catches().size());
            for (Catch c : tryTable.catches()) {
                out.u8(c.kind().code());
                if (c.kind().hasTag()) {
                    out.u32(c.tag());
                }
                out.u32(c.label());
            }
        }
    }

    private static void v128(BinaryWriter out, V128 value) {
        out.bytes(value.toBytes());
    }

    private static void blockType(BinaryWriter out, BlockType type) {
        if (type instanceof BlockType.Value value) {
            TypeEncoder.valType(out, value.type());
        } else if (type instanceof BlockType.TypeIndex index) {
            out.s64(index.index());
        } else {
            out.u8(0x40);
        }
    }

    private static void memArg(BinaryWriter out, MemArg memArg) {
        if (memArg.memory() != 0) {
            out.u32(memArg.alignLog2() | 0x40);
            out.u32(memArg.memory());
        } else {
            out.u32(memArg.alignLog2());
        }
        out.u64(memArg.offset());
    }
}
