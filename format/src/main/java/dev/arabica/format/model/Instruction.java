package dev.arabica.format.model;

import java.util.Arrays;
import java.util.List;

/**
 * One instruction with its immediates. The record used for an opcode is fixed by its
 * {@link ImmediateKind}; construct instructions through these records and check the kind with
 * {@link Opcode#immediate()}.
 */
public sealed interface Instruction {

    Opcode opcode();

    /** An instruction without immediates. Use {@link #of} to share the one instance per opcode. */
    record Plain(Opcode opcode) implements Instruction {
        private static final Plain[] SHARED = new Plain[Opcode.values().length];

        static {
            for (Opcode op : Opcode.values()) {
                SHARED[op.ordinal()] = new Plain(op);
            }
        }

        public static Plain of(Opcode opcode) {
            return SHARED[opcode.ordinal()];
        }

        @Override
        public String toString() {
            return opcode.mnemonic();
        }
    }

    /** {@code block}, {@code loop}, {@code if} or legacy {@code try}, with the block type. */
    record Block(Opcode opcode, BlockType type) implements Instruction {
    }

    /** An instruction with a single index immediate (label, function, local, lane, ...). */
    record Indexed(Opcode opcode, int index) implements Instruction {
        @Override
        public String toString() {
            return opcode.mnemonic() + " " + Integer.toUnsignedString(index);
        }
    }

    /** An instruction with two index immediates, in binary order (see {@link ImmediateKind}). */
    record IndexPair(Opcode opcode, int first, int second) implements Instruction {
        @Override
        public String toString() {
            return opcode.mnemonic() + " " + Integer.toUnsignedString(first) + " " + Integer.toUnsignedString(second);
        }
    }

    /** {@code br_table}: the label depths, then the default depth. */
    record BrTable(int[] labels, int defaultLabel) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.BR_TABLE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BrTable other && defaultLabel == other.defaultLabel && Arrays.equals(labels, other.labels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(labels) * 31 + defaultLabel;
        }

        @Override
        public String toString() {
            return "br_table " + Arrays.toString(labels) + " " + defaultLabel;
        }
    }

    /** A load, store or atomic access. */
    record Memory(Opcode opcode, MemArg memArg) implements Instruction {
    }

    /** A SIMD lane load or store: the memory access and the lane index. */
    record MemoryLane(Opcode opcode, MemArg memArg, int lane) implements Instruction {
    }

    record I32Const(int value) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.I32_CONST;
        }
    }

    record I64Const(long value) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.I64_CONST;
        }
    }

    /** An {@code f32.const}, by its bit pattern so that NaN payloads survive. */
    record F32Const(int bits) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.F32_CONST;
        }
    }

    /** An {@code f64.const}, by its bit pattern so that NaN payloads survive. */
    record F64Const(long bits) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.F64_CONST;
        }
    }

    record V128Const(V128 value) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.V128_CONST;
        }
    }

    /** {@code i8x16.shuffle}: lane {@code i} of the result is byte lane {@code lanes.byteLane(i)} of the inputs. */
    record Shuffle(V128 lanes) implements Instruction {
        @Override
        public Opcode opcode() {
            return Opcode.I8X16_SHUFFLE;
        }
    }

    /** {@code select} with explicit result types. */
    record SelectTyped(List<ValType> types) implements Instruction {
        public SelectTyped {
            types = List.copyOf(types);
        }

        @Override
        public Opcode opcode() {
            return Opcode.SELECT_TYPED;
        }
    }

    /** {@code ref.null}, {@code ref.test}, {@code ref.cast} (nullable and not) with a heap type. */
    record HeapTypeOp(Opcode opcode, HeapType heapType) implements Instruction {
    }

    /** An instruction whose immediate is a full reference type (custom-descriptors casts). */
    record RefTypeOp(Opcode opcode, RefType refType) implements Instruction {
    }

    /** {@code br_on_cast} and its variants: the label, and the source and target reference types. */
    record BrOnCast(Opcode opcode, int label, RefType source, RefType target) implements Instruction {
    }

    /** {@code try_table}: the block type and the catch clauses, in order. */
    record TryTable(BlockType type, List<Catch> catches) implements Instruction {
        public TryTable {
            catches = List.copyOf(catches);
        }

        @Override
        public Opcode opcode() {
            return Opcode.TRY_TABLE;
        }
    }
}
