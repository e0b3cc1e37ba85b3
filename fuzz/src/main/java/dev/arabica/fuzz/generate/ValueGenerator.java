package dev.arabica.fuzz.generate;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.V128;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes code that pushes exactly one new value of a requested type: a constant, a variable, or an
 * expression tree of operators, loads, calls, selects, lane operations and value-producing blocks.
 */
final class ValueGenerator {

    private static final List<Opcode> LANE_OPS = List.of(Opcode.values()).stream()
            .filter(op -> op.immediate() == ImmediateKind.LANE).toList();

    private final FunctionContext f;
    private final Rng rng;
    private final CodeWriter code;
    private MemoryAccesses memory;
    private TableAccesses tables;
    private StatementGenerator statements;

    ValueGenerator(FunctionContext f) {
        this.f = f;
        this.rng = f.rng;
        this.code = f.code;
    }

    void connect(MemoryAccesses memory, TableAccesses tables, StatementGenerator statements) {
        this.memory = memory;
        this.tables = tables;
        this.statements = statements;
    }

    /**
     * Leaves {@code types} on top of the stack for an instruction that consumes them at once; values
     * already on top that fit the first of them are used rather than computed afresh.
     */
    void produce(List<ValType> types, int depth) {
        int reused = rng.chance(0.6) ? code.reusablePrefix(types) : 0;
        for (int i = reused; i < types.size(); i++) {
            value(types.get(i), depth);
        }
    }

    void value(ValType type, int depth) {
        if (depth <= 0 || f.overBudget()) {
            leaf(type);
            return;
        }
        boolean done = switch (rng.weighted(30, 32, 8, 4, 4, 4, 3, 10)) {
            case 0 -> false;
            case 1 -> operator(type, depth);
            case 2 -> memory.load(type, depth);
            case 3 -> call(type, depth);
            case 4 -> select(type, depth);
            case 5 -> statements.valueConstruct(type, depth);
            case 6 -> localTee(type, depth);
            default -> special(type, depth);
        };
        if (!done) {
            leaf(type);
        }
    }

    /** A constant, a local or a global: code that cannot trap. */
    void leaf(ValType type) {
        int choice = rng.weighted(5, 3, 2, type.equals(ValType.FUNCREF) ? 2 : 0);
        if (choice == 1 && localGet(type)) {
            return;
        }
        if (choice == 2 && globalGet(type)) {
            return;
        }
        if (choice == 3 && refFunc()) {
            return;
        }
        constant(type);
    }

    void constant(ValType type) {
        Instruction constant;
        if (type.equals(ValType.I32)) {
            constant = new Instruction.I32Const(InterestingValues.i32(rng));
        } else if (type.equals(ValType.I64)) {
            constant = new Instruction.I64Const(InterestingValues.i64(rng));
        } else if (type.equals(ValType.F32)) {
            constant = new Instruction.F32Const(InterestingValues.f32Bits(rng));
        } else if (type.equals(ValType.F64)) {
            constant = new Instruction.F64Const(InterestingValues.f64Bits(rng));
        } else if (type.equals(ValType.V128)) {
            constant = new Instruction.V128Const(InterestingValues.v128(rng));
        } else {
            constant = new Instruction.HeapTypeOp(Opcode.REF_NULL, ((RefType) type).heapType());
        }
        code.emit(constant, List.of(), List.of(type));
    }

    void i32Constant(int value) {
        code.emit(new Instruction.I32Const(value), List.of(), List.of(ValType.I32));
    }

    /** An index into something of {@code size} elements: valid unless risky (or the thing is empty). */
    void index(int size, int depth) {
        if (size > 0 && !f.risky()) {
            i32Constant(rng.between(0, size - 1));
        } else {
            outOfRange(size, depth);
        }
    }

    /** A count of at most {@code bound} elements unless risky. */
    void count(int bound, int depth) {
        if (!f.risky()) {
            i32Constant(rng.between(0, Math.max(bound, 0)));
        } else {
            outOfRange(bound + 1, depth);
        }
    }

    private void outOfRange(int limit, int depth) {
        switch (rng.weighted(2, 1, 1)) {
            case 0 -> i32Constant(limit + rng.between(0, 2));
            case 1 -> i32Constant(InterestingValues.i32(rng));
            default -> value(ValType.I32, depth);
        }
    }

    boolean localGet(ValType type) {
        List<Integer> candidates = f.localsOfType(type, false);
        if (candidates.isEmpty()) {
            return false;
        }
        code.emit(new Instruction.Indexed(Opcode.LOCAL_GET, rng.pick(candidates)), List.of(), List.of(type));
        return true;
    }

    private boolean globalGet(ValType type) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < f.module.globals().size(); i++) {
            if (f.module.globals().get(i).valType().equals(type)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return false;
        }
        code.emit(new Instruction.Indexed(Opcode.GLOBAL_GET, rng.pick(candidates)), List.of(), List.of(type));
        return true;
    }

    private boolean refFunc() {
        if (f.module.referencedFunctions().isEmpty()) {
            return false;
        }
        int function = rng.pick(f.module.referencedFunctions());
        code.emit(new Instruction.Indexed(Opcode.REF_FUNC, function), List.of(), List.of(ValType.FUNCREF));
        return true;
    }

    private boolean operator(ValType type, int depth) {
        List<Opcode> candidates = f.operators.producing(type);
        if (candidates.isEmpty()) {
            return false;
        }
        Opcode op = rng.pick(candidates);
        for (ValType param : f.operators.signature(op).params()) {
            value(param, depth - 1);
        }
        f.emitOperator(op);
        return true;
    }

    /** A call of a function, or an indirect call through a table, whose only result has {@code type}. */
    private boolean call(ValType type, int depth) {
        if (rng.chance(0.3)) {
            return callIndirect(List.of(type), depth, false);
        }
        List<Integer> functions = new ArrayList<>();
        for (int i = 0; i < f.module.functionTypes().size(); i++) {
            if (f.module.functionType(i).results().equals(List.of(type))) {
                functions.add(i);
            }
        }
        if (functions.isEmpty()) {
            return false;
        }
        call(callee(functions), depth, false);
        return true;
    }

    /**
     * One of {@code candidates}: unless risky, a host function or one defined later than this one,
     * so that calls form no cycle; recursion tends to run until the fuel is spent.
     */
    int callee(List<Integer> candidates) {
        List<Integer> acyclic = candidates.stream()
                .filter(function -> function < f.module.importedFunctions() || function > f.index).toList();
        return rng.pick(acyclic.isEmpty() || f.risky() ? candidates : acyclic);
    }

    /** Calls {@code function}; with {@code reuseOperands}, its arguments may come from the stack. */
    void call(int function, int depth, boolean reuseOperands) {
        FuncType type = f.module.functionType(function);
        operands(type.params(), depth, reuseOperands);
        code.emit(new Instruction.Indexed(Opcode.CALL, function), type.params(), type.results());
    }

    /**
     * Calls through a funcref table; with {@code results}, only types with those results. Mostly
     * the callee is a function the table holds from instantiation, called with its own type; else
     * the type and index are random, so that the callee may have another type, be null, or be
     * past the end of the table.
     */
    boolean callIndirect(List<ValType> results, int depth, boolean reuseOperands) {
        List<Integer> funcTables = tables.tablesOf(ValType.FUNCREF);
        if (funcTables.isEmpty()) {
            return false;
        }
        int table = rng.pick(funcTables);
        List<Integer> initialFunctions = f.module.tableFunctions().get(table);
        List<Integer> knownSlots = new ArrayList<>();
        for (int slot = 0; slot < initialFunctions.size(); slot++) {
            int function = initialFunctions.get(slot);
            if (function >= 0 && (results == null || f.module.functionType(function).results().equals(results))) {
                knownSlots.add(slot);
            }
        }
        boolean risky = f.risky();
        if (knownSlots.isEmpty() && !risky) {
            return false;
        }
        int slot = -1;
        int typeIndex;
        if (!risky) {
            slot = rng.pick(knownSlots);
            typeIndex = f.module.functionTypes().get(initialFunctions.get(slot));
        } else {
            List<Integer> typeIndices = new ArrayList<>();
            for (int i = 0; i < f.module.types().size(); i++) {
                if (results == null || f.module.types().get(i).results().equals(results)) {
                    typeIndices.add(i);
                }
            }
            if (typeIndices.isEmpty()) {
                return false;
            }
            typeIndex = rng.pick(typeIndices);
        }
        FuncType type = f.module.types().get(typeIndex);
        operands(type.params(), depth, reuseOperands);
        if (slot >= 0) {
            i32Constant(slot);
        } else {
            index(initialFunctions.size(), depth - 1);
        }
        List<ValType> pops = new ArrayList<>(type.params());
        pops.add(ValType.I32);
        code.emit(new Instruction.IndexPair(Opcode.CALL_INDIRECT, typeIndex, table), pops, type.results());
        return true;
    }

    private void operands(List<ValType> types, int depth, boolean reuse) {
        if (reuse) {
            produce(types, depth - 1);
        } else {
            for (ValType type : types) {
                value(type, depth - 1);
            }
        }
    }

    private boolean select(ValType type, int depth) {
        value(type, depth - 1);
        value(type, depth - 1);
        value(ValType.I32, depth - 1);
        boolean typed = type instanceof RefType || rng.chance(0.3);
        Instruction select = typed ? new Instruction.SelectTyped(List.of(type)) : Instruction.Plain.of(Opcode.SELECT);
        code.emit(select, List.of(type, type, ValType.I32), List.of(type));
        return true;
    }

    private boolean localTee(ValType type, int depth) {
        List<Integer> candidates = f.localsOfType(type, true);
        if (candidates.isEmpty()) {
            return false;
        }
        value(type, depth - 1);
        code.emit(new Instruction.Indexed(Opcode.LOCAL_TEE, rng.pick(candidates)), List.of(type), List.of(type));
        return true;
    }

    /** Instructions with immediates that produce {@code type}: sizes, grows, null tests, lanes, references. */
    private boolean special(ValType type, int depth) {
        if (type.equals(ValType.I32)) {
            return switch (rng.below(4)) {
                case 0 -> memory.sizeOrGrow(depth);
                case 1 -> tables.sizeOrGrow(depth);
                case 2 -> isNull(depth);
                default -> lane(type, depth);
            };
        }
        if (type instanceof RefType ref) {
            return (ref.equals(ValType.FUNCREF) && rng.chance(0.4) && refFunc()) || tables.get(ref, depth);
        }
        if (type.equals(ValType.V128) && rng.chance(0.3)) {
            return shuffle(depth);
        }
        return lane(type, depth);
    }

    private boolean isNull(int depth) {
        RefType type = rng.chance(0.5) ? ValType.FUNCREF : ValType.EXTERNREF;
        value(type, depth - 1);
        code.emit(Opcode.REF_IS_NULL, List.of(type), List.of(ValType.I32));
        return true;
    }

    /** An extract_lane giving {@code type}, or for v128 a replace_lane. */
    private boolean lane(ValType type, int depth) {
        if (!f.module.simd()) {
            return false;
        }
        List<Opcode> candidates = LANE_OPS.stream().filter(op -> laneResult(op).equals(type)).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        Opcode op = rng.pick(candidates);
        String shape = op.mnemonic().substring(0, op.mnemonic().indexOf('.'));
        int lanes = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
        int lane = rng.below(lanes);
        value(ValType.V128, depth - 1);
        List<ValType> pops = List.of(ValType.V128);
        if (op.mnemonic().endsWith("replace_lane")) {
            ValType scalar = laneScalar(shape);
            value(scalar, depth - 1);
            pops = List.of(ValType.V128, scalar);
        }
        code.emit(new Instruction.Indexed(op, lane), pops, List.of(laneResult(op)));
        return true;
    }

    private static ValType laneResult(Opcode op) {
        String shape = op.mnemonic().substring(0, op.mnemonic().indexOf('.'));
        return op.mnemonic().endsWith("replace_lane") ? ValType.V128 : laneScalar(shape);
    }

    private static ValType laneScalar(String shape) {
        return switch (shape) {
            case "i64x2" -> ValType.I64;
            case "f32x4" -> ValType.F32;
            case "f64x2" -> ValType.F64;
            default -> ValType.I32;
        };
    }

    private boolean shuffle(int depth) {
        byte[] lanes = new byte[16];
        for (int i = 0; i < 16; i++) {
            lanes[i] = (byte) (rng.chance(0.5) ? rng.between(0, 31) : i + (rng.chance(0.5) ? 16 : 0));
        }
        value(ValType.V128, depth - 1);
        value(ValType.V128, depth - 1);
        code.emit(new Instruction.Shuffle(V128.fromBytes(lanes, 0)), List.of(ValType.V128, ValType.V128),
                List.of(ValType.V128));
        return true;
    }
}
