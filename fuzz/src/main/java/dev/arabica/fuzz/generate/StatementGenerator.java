package dev.arabica.fuzz.generate;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the statements of a body: control flow (blocks, loops and ifs of every block type,
 * branches, returns, traps), variable writes, stores, bulk and table operations, calls, and
 * operators applied to whatever the stack holds. Values may stay on the stack between statements;
 * {@link #settle} makes the stack fit at the end of each block.
 */
final class StatementGenerator {

    /** A block type with the parameters and results it stands for. */
    private record Shape(BlockType type, List<ValType> params, List<ValType> results) {
    }

    private final FunctionContext f;
    private final Rng rng;
    private final CodeWriter code;
    private final ValueGenerator values;
    private final MemoryAccesses memory;
    private final TableAccesses tables;

    StatementGenerator(FunctionContext f, ValueGenerator values, MemoryAccesses memory, TableAccesses tables) {
        this.f = f;
        this.rng = f.rng;
        this.code = f.code;
        this.values = values;
        this.memory = memory;
        this.tables = tables;
    }

    /** Up to {@code count} statements in the current frame; after a branch away, usually no more. */
    void statements(int count) {
        for (int i = 0; i < count && !f.overBudget(); i++) {
            statement();
            if (code.current().unreachable && rng.chance(0.75)) {
                return;
            }
        }
    }

    private void statement() {
        int depth = f.options.expressionDepth();
        boolean memoryPresent = f.module.hasMemory();
        switch (rng.weighted(8, 8, 3, 10, 4, memoryPresent ? 10 : 0, memoryPresent ? 4 : 0,
                f.module.tables().isEmpty() ? 0 : 4, 6, 4, code.depth() <= f.options.maxNesting() ? 14 : 0, 5, 2, 2,
                1, 2)) {
            case 0 -> values.value(f.randomValueType(), depth);
            case 1 -> applyOperator(depth);
            case 2 -> drop();
            case 3 -> localSet(depth);
            case 4 -> globalSet(depth);
            case 5 -> memory.store(depth);
            case 6 -> memory.bulk(depth);
            case 7 -> tables.statement(depth);
            case 8 -> values.call(values.callee(allFunctions()), depth, true);
            case 9 -> values.callIndirect(null, depth, true);
            case 10 -> construct(rng.pick(List.of(Opcode.BLOCK, Opcode.LOOP, Opcode.IF)), randomShape(), false);
            case 11 -> brIf(depth);
            case 12 -> br(depth);
            case 13 -> brTable(depth);
            case 14 -> ret(depth);
            default -> trapOrNop();
        }
    }

    private List<Integer> allFunctions() {
        List<Integer> functions = new ArrayList<>();
        for (int i = 0; i < f.module.functionTypes().size(); i++) {
            functions.add(i);
        }
        return functions;
    }

    /** An operator on the values the stack already holds; in dead code, on the polymorphic stack. */
    private void applyOperator(int depth) {
        List<Opcode> candidates = f.operators.all().stream()
                .filter(op -> code.canConsume(f.operators.signature(op).params())).toList();
        if (candidates.isEmpty() || code.operands().isEmpty() && !code.current().unreachable) {
            values.value(f.randomValueType(), depth);
            return;
        }
        f.emitOperator(rng.pick(candidates));
    }

    private void drop() {
        List<ValType> operands = code.operands();
        if (!operands.isEmpty()) {
            code.emit(Opcode.DROP, List.of(operands.get(operands.size() - 1)), List.of());
        }
    }

    private void localSet(int depth) {
        ValType type = f.randomValueType();
        List<Integer> candidates = f.localsOfType(type, true);
        if (candidates.isEmpty()) {
            return;
        }
        values.produce(List.of(type), depth);
        boolean tee = rng.chance(0.3);
        code.emit(new Instruction.Indexed(tee ? Opcode.LOCAL_TEE : Opcode.LOCAL_SET, rng.pick(candidates)),
                List.of(type), tee ? List.of(type) : List.of());
    }

    private void globalSet(int depth) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < f.module.globals().size(); i++) {
            if (f.module.globals().get(i).mutable() && i != f.module.fuelGlobal()) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        int global = rng.pick(candidates);
        GlobalType type = f.module.globals().get(global);
        values.produce(List.of(type.valType()), depth);
        code.emit(new Instruction.Indexed(Opcode.GLOBAL_SET, global), List.of(type.valType()), List.of());
    }

    /** Used by {@link ValueGenerator}: a block, if or loop whose only result has {@code type}. */
    boolean valueConstruct(ValType type, int depth) {
        if (code.depth() > f.options.maxNesting() || depth < 2) {
            return false;
        }
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape(new BlockType.Value(type), List.of(), List.of(type)));
        for (int i = 0; i < f.module.types().size(); i++) {
            FuncType candidate = f.module.types().get(i);
            if (candidate.results().equals(List.of(type))) {
                shapes.add(new Shape(new BlockType.TypeIndex(i), candidate.params(), candidate.results()));
            }
        }
        construct(rng.pick(List.of(Opcode.BLOCK, Opcode.LOOP, Opcode.IF)), rng.pick(shapes), true);
        return true;
    }

    private Shape randomShape() {
        switch (rng.weighted(4, 3, 3)) {
            case 0:
                return new Shape(BlockType.EMPTY, List.of(), List.of());
            case 1:
                ValType result = f.randomValueType();
                return new Shape(new BlockType.Value(result), List.of(), List.of(result));
            default:
                int index = rng.below(f.module.types().size());
                FuncType type = f.module.types().get(index);
                return new Shape(new BlockType.TypeIndex(index), type.params(), type.results());
        }
    }

    /**
     * A block, loop or if. In value context ({@code fresh}) its parameters are computed rather
     * than taken from the stack. Loops charge fuel at their header, and most count down a
     * reserved local to their back edge so that they run a few times and then fall through.
     */
    private void construct(Opcode kind, Shape shape, boolean fresh) {
        int depth = f.options.expressionDepth();
        int counter = -1;
        if (kind == Opcode.LOOP && rng.chance(0.85)) {
            counter = f.newCounter();
            values.i32Constant(rng.between(1, 5));
            code.emit(new Instruction.Indexed(Opcode.LOCAL_SET, counter), List.of(ValType.I32), List.of());
        }
        List<ValType> pops = new ArrayList<>(shape.params());
        if (fresh) {
            shape.params().forEach(param -> values.value(param, depth - 1));
        } else {
            values.produce(shape.params(), depth);
        }
        if (kind == Opcode.IF) {
            values.value(ValType.I32, depth - 1);
            pops.add(ValType.I32);
        }
        code.open(new Instruction.Block(kind, shape.type()), pops, shape.params(), shape.results());
        if (kind == Opcode.LOOP) {
            Fuel.charge(code, f.module.fuelGlobal());
        }
        statements(rng.between(0, 6));
        if (counter >= 0 && !code.current().unreachable) {
            countDown(counter, shape.params());
        }
        settle(shape.results());
        if (kind == Opcode.IF && (!shape.params().equals(shape.results()) || rng.chance(0.6))) {
            code.elseBranch();
            statements(rng.between(0, 6));
            settle(shape.results());
        }
        code.close();
    }

    /** The back edge of a counted loop: branches to the header while the decremented counter is not zero. */
    private void countDown(int counter, List<ValType> loopParams) {
        values.produce(loopParams, f.options.expressionDepth());
        code.emit(new Instruction.Indexed(Opcode.LOCAL_GET, counter), List.of(), List.of(ValType.I32));
        values.i32Constant(1);
        code.emit(Opcode.I32_SUB, List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
        code.emit(new Instruction.Indexed(Opcode.LOCAL_TEE, counter), List.of(ValType.I32), List.of(ValType.I32));
        List<ValType> pops = new ArrayList<>(loopParams);
        pops.add(ValType.I32);
        code.emit(new Instruction.Indexed(Opcode.BR_IF, 0), pops, loopParams);
    }

    /**
     * Makes the current frame's operands exactly {@code results}: operands that already match a
     * prefix stay, a mismatched top is converted when an operator can or dropped otherwise, and
     * what is missing is computed. Dead code may also end with nothing on the stack.
     */
    void settle(List<ValType> results) {
        if (code.current().unreachable) {
            while (!code.operands().isEmpty()) {
                drop();
            }
            if (rng.chance(0.5)) {
                return;
            }
        }
        while (true) {
            List<ValType> operands = code.operands();
            int k = operands.size();
            if (k <= results.size() && operands.equals(results.subList(0, k))) {
                for (int i = k; i < results.size(); i++) {
                    values.value(results.get(i), f.overBudget() ? 0 : 2);
                }
                return;
            }
            ValType top = operands.get(k - 1);
            List<Opcode> conversions = k <= results.size() && operands.subList(0, k - 1).equals(results.subList(0, k - 1))
                    ? f.operators.converting(top, results.get(k - 1))
                    : List.of();
            if (!conversions.isEmpty() && rng.chance(0.7)) {
                f.emitOperator(rng.pick(conversions));
            } else {
                drop();
            }
        }
    }

    /**
     * A label to branch to. A loop's label only when risky: a branch back to a loop header may
     * repeat it until the fuel runs out (counted loops have their own back edge).
     */
    private int label() {
        List<Integer> labels = new ArrayList<>();
        boolean risky = f.risky();
        for (int label = 0; label < code.depth(); label++) {
            if (risky || code.frame(label).opcode != Opcode.LOOP) {
                labels.add(label);
            }
        }
        return rng.pick(labels);
    }

    private void brIf(int depth) {
        int label = label();
        List<ValType> types = code.frame(label).labelTypes();
        values.produce(types, depth);
        values.value(ValType.I32, depth - 1);
        List<ValType> pops = new ArrayList<>(types);
        pops.add(ValType.I32);
        code.emit(new Instruction.Indexed(Opcode.BR_IF, label), pops, types);
    }

    private void br(int depth) {
        int label = label();
        List<ValType> types = code.frame(label).labelTypes();
        values.produce(types, depth);
        code.emit(new Instruction.Indexed(Opcode.BR, label), types, List.of());
        code.markUnreachable();
    }

    /** A br_table whose targets all carry the default target's types, as validation requires. */
    private void brTable(int depth) {
        int defaultLabel = label();
        List<ValType> types = code.frame(defaultLabel).labelTypes();
        List<Integer> compatible = new ArrayList<>();
        for (int label = 0; label < code.depth(); label++) {
            if (code.frame(label).labelTypes().equals(types)) {
                compatible.add(label);
            }
        }
        int[] labels = new int[rng.between(0, 5)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.pick(compatible);
        }
        values.produce(types, depth);
        values.index(labels.length, depth - 1);
        List<ValType> pops = new ArrayList<>(types);
        pops.add(ValType.I32);
        code.emit(new Instruction.BrTable(labels, defaultLabel), pops, List.of());
        code.markUnreachable();
    }

    private void ret(int depth) {
        values.produce(f.type.results(), depth);
        code.emit(Opcode.RETURN, f.type.results(), List.of());
        code.markUnreachable();
    }

    private void trapOrNop() {
        if (!f.risky()) {
            code.emit(Opcode.NOP, List.of(), List.of());
        } else {
            code.emit(Opcode.UNREACHABLE, List.of(), List.of());
            code.markUnreachable();
        }
    }
}
