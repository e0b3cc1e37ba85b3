package dev.arabica.fuzz.generate;

import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.List;

/** Table instructions and element segment use, with indices around each table's initial size. */
final class TableAccesses {

    private final FunctionContext f;
    private final Rng rng;
    private final CodeWriter code;
    private final ValueGenerator values;

    TableAccesses(FunctionContext f, ValueGenerator values) {
        this.f = f;
        this.rng = f.rng;
        this.code = f.code;
        this.values = values;
    }

    /** The tables whose elements have {@code type}. */
    List<Integer> tablesOf(ValType type) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < f.module.tables().size(); i++) {
            if (f.module.tables().get(i).elementType().equals(type)) {
                matching.add(i);
            }
        }
        return matching;
    }

    private int size(int table) {
        return (int) f.module.tables().get(table).limits().min();
    }

    private RefType elementType(int table) {
        return f.module.tables().get(table).elementType();
    }

    boolean get(RefType type, int depth) {
        boolean risky = f.risky();
        List<Integer> candidates = tablesOf(type).stream().filter(table -> risky || size(table) > 0).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        int table = rng.pick(candidates);
        values.index(size(table), depth - 1);
        code.emit(new Instruction.Indexed(Opcode.TABLE_GET, table), List.of(ValType.I32), List.of(type));
        return true;
    }

    /** {@code table.size}, or {@code table.grow} by a few elements or an absurd number. */
    boolean sizeOrGrow(int depth) {
        if (f.module.tables().isEmpty()) {
            return false;
        }
        int table = rng.below(f.module.tables().size());
        if (rng.chance(0.5)) {
            code.emit(new Instruction.Indexed(Opcode.TABLE_SIZE, table), List.of(), List.of(ValType.I32));
            return true;
        }
        RefType type = elementType(table);
        values.value(type, depth - 1);
        if (f.risky()) {
            values.value(ValType.I32, depth - 1);
        } else {
            values.i32Constant(rng.between(0, 4));
        }
        code.emit(new Instruction.Indexed(Opcode.TABLE_GROW, table), List.of(type, ValType.I32), List.of(ValType.I32));
        return true;
    }

    /** {@code table.set}, {@code table.fill}, {@code table.copy}, {@code table.init} or {@code elem.drop}. */
    void statement(int depth) {
        if (f.module.tables().isEmpty()) {
            return;
        }
        boolean risky = f.risky();
        int table = rng.below(f.module.tables().size());
        RefType type = elementType(table);
        int size = size(table);
        if (size == 0 && !risky) {
            return;
        }
        List<ValType> threeI32 = List.of(ValType.I32, ValType.I32, ValType.I32);
        List<Integer> initSources = segments(type, risky, true);
        List<Integer> droppable = segments(null, risky, false);
        switch (rng.weighted(4, 2, 2, initSources.isEmpty() ? 0 : 2, droppable.isEmpty() ? 0 : 1)) {
            case 0 -> {
                values.index(size, depth - 1);
                values.value(type, depth - 1);
                code.emit(new Instruction.Indexed(Opcode.TABLE_SET, table), List.of(ValType.I32, type), List.of());
            }
            case 1 -> {
                int length = rng.between(0, size);
                values.count(size - length, depth - 1);
                values.value(type, depth - 1);
                values.count(length, depth - 1);
                code.emit(new Instruction.Indexed(Opcode.TABLE_FILL, table), List.of(ValType.I32, type, ValType.I32),
                        List.of());
            }
            case 2 -> {
                int source = rng.pick(tablesOf(type));
                int length = rng.between(0, Math.min(size, size(source)));
                values.count(size - length, depth - 1);
                values.count(size(source) - length, depth - 1);
                values.count(length, depth - 1);
                code.emit(new Instruction.IndexPair(Opcode.TABLE_COPY, table, source), threeI32, List.of());
            }
            case 3 -> {
                int segment = rng.pick(initSources);
                int segmentLength = f.module.elementSegments().get(segment).length();
                int length = rng.between(0, Math.min(size, segmentLength));
                values.count(size - length, depth - 1);
                values.count(segmentLength - length, depth - 1);
                values.count(length, depth - 1);
                code.emit(new Instruction.IndexPair(Opcode.TABLE_INIT, segment, table), threeI32, List.of());
            }
            default -> code.emit(new Instruction.Indexed(Opcode.ELEM_DROP, rng.pick(droppable)), List.of(), List.of());
        }
    }

    /**
     * Element segments for {@code table.init} into a table of {@code tableType} ({@code init}) or
     * for {@code elem.drop} (null type): as for data, safe ones are passive for init and already
     * dropped for drop. A (ref func) segment fits a funcref table.
     */
    private List<Integer> segments(RefType tableType, boolean risky, boolean init) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < f.module.elementSegments().size(); i++) {
            ModuleEnvironment.Segment segment = f.module.elementSegments().get(i);
            boolean fits = tableType == null || segment.type().heapType().equals(tableType.heapType());
            if (fits && (risky || segment.passive() == init)) {
                matching.add(i);
            }
        }
        return matching;
    }
}
