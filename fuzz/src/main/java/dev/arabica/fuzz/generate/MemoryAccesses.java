package dev.arabica.fuzz.generate;

import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads, stores and bulk memory operations. Addresses mostly fall inside the initial memory, so
 * that stores leave contents to compare, and often straddle its end or carry large offsets, so
 * that out-of-bounds traps happen at every access size.
 */
final class MemoryAccesses {

    private static final List<Opcode> LOADS = accesses(false, ImmediateKind.MEMARG);
    private static final List<Opcode> STORES = accesses(true, ImmediateKind.MEMARG);
    private static final List<Opcode> LANE_LOADS = accesses(false, ImmediateKind.MEMARG_LANE);
    private static final List<Opcode> LANE_STORES = accesses(true, ImmediateKind.MEMARG_LANE);

    private final FunctionContext f;
    private final Rng rng;
    private final CodeWriter code;
    private final ValueGenerator values;

    MemoryAccesses(FunctionContext f, ValueGenerator values) {
        this.f = f;
        this.rng = f.rng;
        this.code = f.code;
        this.values = values;
    }

    private static List<Opcode> accesses(boolean stores, ImmediateKind immediate) {
        return List.of(Opcode.values()).stream()
                .filter(op -> op.immediate() == immediate && op.feature().inWasm2() && op.isStore() == stores)
                .toList();
    }

    private boolean usable(Opcode op) {
        return f.module.hasMemory() && (f.module.simd() || op.accessedType() != ValType.V128);
    }

    boolean load(ValType type, int depth) {
        if (type.equals(ValType.V128) && rng.chance(0.2)) {
            return laneAccess(rng.pick(LANE_LOADS), depth);
        }
        List<Opcode> candidates = LOADS.stream().filter(op -> op.accessedType().equals(type) && usable(op)).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        Opcode op = rng.pick(candidates);
        MemArg memArg = memArg(op);
        address(op, memArg, depth);
        code.emit(new Instruction.Memory(op, memArg), List.of(ValType.I32), List.of(type));
        return true;
    }

    void store(int depth) {
        if (f.module.simd() && rng.chance(0.1)) {
            laneAccess(rng.pick(LANE_STORES), depth);
            return;
        }
        List<Opcode> candidates = STORES.stream().filter(this::usable).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Opcode op = rng.pick(candidates);
        ValType type = op.accessedType();
        MemArg memArg = memArg(op);
        address(op, memArg, depth);
        values.value(type, depth - 1);
        code.emit(new Instruction.Memory(op, memArg), List.of(ValType.I32, type), List.of());
    }

    /** {@code v128.loadN_lane} (address, vector to vector) or {@code v128.storeN_lane} (address, vector). */
    private boolean laneAccess(Opcode op, int depth) {
        if (!usable(op)) {
            return false;
        }
        int lanes = 16 >> op.naturalAlignmentLog2();
        MemArg memArg = memArg(op);
        address(op, memArg, depth);
        values.value(ValType.V128, depth - 1);
        boolean load = op.mnemonic().contains("load");
        code.emit(new Instruction.MemoryLane(op, memArg, rng.below(lanes)), List.of(ValType.I32, ValType.V128),
                load ? List.of(ValType.V128) : List.of());
        return true;
    }

    /** {@code memory.size}, or {@code memory.grow} by a few pages or by an absurd amount. */
    boolean sizeOrGrow(int depth) {
        if (!f.module.hasMemory()) {
            return false;
        }
        if (rng.chance(0.5)) {
            code.emit(new Instruction.Indexed(Opcode.MEMORY_SIZE, 0), List.of(), List.of(ValType.I32));
            return true;
        }
        if (f.risky()) {
            values.value(ValType.I32, depth - 1);
        } else {
            values.i32Constant(rng.between(0, 2));
        }
        code.emit(new Instruction.Indexed(Opcode.MEMORY_GROW, 0), List.of(ValType.I32), List.of(ValType.I32));
        return true;
    }

    /** {@code memory.fill}, {@code memory.copy}, {@code memory.init} or {@code data.drop}. */
    void bulk(int depth) {
        if (!f.module.hasMemory()) {
            return;
        }
        boolean risky = f.risky();
        List<Integer> initSources = segments(risky, true);
        List<Integer> droppable = segments(risky, false);
        List<ValType> threeI32 = List.of(ValType.I32, ValType.I32, ValType.I32);
        switch (rng.weighted(3, 3, initSources.isEmpty() ? 0 : 3, droppable.isEmpty() ? 0 : 1)) {
            case 0 -> {
                int length = length();
                rangeStart(length, depth);
                values.value(ValType.I32, depth - 1);
                values.count(length, depth - 1);
                code.emit(new Instruction.Indexed(Opcode.MEMORY_FILL, 0), threeI32, List.of());
            }
            case 1 -> {
                int length = length();
                rangeStart(length, depth);
                rangeStart(length, depth);
                values.count(length, depth - 1);
                code.emit(new Instruction.IndexPair(Opcode.MEMORY_COPY, 0, 0), threeI32, List.of());
            }
            case 2 -> {
                int segment = rng.pick(initSources);
                int segmentLength = f.module.dataSegments().get(segment).length();
                int from = rng.between(0, segmentLength);
                int length = rng.between(0, segmentLength - from);
                rangeStart(length, depth);
                values.count(from, depth - 1);
                values.count(length, depth - 1);
                code.emit(new Instruction.IndexPair(Opcode.MEMORY_INIT, segment, 0), threeI32, List.of());
            }
            default -> code.emit(new Instruction.Indexed(Opcode.DATA_DROP, rng.pick(droppable)), List.of(), List.of());
        }
    }

    /**
     * Data segments for {@code memory.init} ({@code init}) or {@code data.drop}: safe ones are
     * passive for init (the others are dropped at instantiation) and active for drop (already
     * dropped, so dropping changes nothing); risky ones are any.
     */
    private List<Integer> segments(boolean risky, boolean init) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < f.module.dataSegments().size(); i++) {
            if (risky || f.module.dataSegments().get(i).passive() == init) {
                matching.add(i);
            }
        }
        return matching;
    }

    /**
     * The address operand of an access: safe ones keep address + offset + size within the initial
     * memory (near its start, anywhere, or a computed value masked into range); risky ones straddle
     * the end or are arbitrary.
     */
    private void address(Opcode op, MemArg memArg, int depth) {
        long limit = f.module.memoryBytes() - (1L << op.naturalAlignmentLog2()) - memArg.offset();
        if (limit < 0 || f.risky()) {
            switch (rng.weighted(2, 1, 1)) {
                case 0 -> values.i32Constant((int) limit + rng.between(-2, 3));
                case 1 -> values.i32Constant(InterestingValues.i32(rng));
                default -> values.value(ValType.I32, depth - 1);
            }
            return;
        }
        switch (rng.weighted(4, 4, 2)) {
            case 0 -> values.i32Constant(rng.between(0, (int) Math.min(limit, 64)));
            case 1 -> values.i32Constant(rng.between(0, (int) limit));
            default -> {
                values.value(ValType.I32, depth - 1);
                values.i32Constant(Integer.highestOneBit((int) limit + 1) - 1);
                code.emit(Opcode.I32_AND, List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
            }
        }
    }

    /** Mostly no offset or a small one; on the risky side, one around a page or an arbitrary one. */
    private MemArg memArg(Opcode op) {
        long offset = rng.chance(0.6) ? 0 : rng.between(1, 40);
        if (f.risky()) {
            offset = rng.chance(0.5) ? 65536L + rng.between(-20, 4) : InterestingValues.i32(rng) & 0xFFFF_FFFFL;
        }
        return new MemArg(0, rng.between(0, op.naturalAlignmentLog2()), offset);
    }

    /** The start of a bulk range of {@code length} bytes, inside the initial memory unless risky. */
    private void rangeStart(int length, int depth) {
        int limit = f.module.memoryBytes() - length;
        if (limit < 0 || f.risky()) {
            switch (rng.weighted(2, 1)) {
                case 0 -> values.i32Constant(limit + rng.between(-2, 3));
                default -> values.value(ValType.I32, depth - 1);
            }
            return;
        }
        values.i32Constant(rng.chance(0.6) ? rng.between(0, Math.min(limit, 128)) : rng.between(0, limit));
    }

    /** A bulk length: mostly short, sometimes a few hundred bytes. */
    private int length() {
        return rng.chance(0.8) ? rng.between(0, 16) : rng.between(17, 300);
    }
}
