package dev.arabica.format.validation;

import dev.arabica.format.InvalidModuleException;
import dev.arabica.format.MalformedModuleException;
import dev.arabica.format.binary.InstructionReader;
import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.AddressType;
import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Type-checks one function body (or constant expression) with the specification's algorithm: an
 * operand stack of value types, where {@code null} stands for the unknown type of unreachable code,
 * and a stack of control frames.
 */
final class FunctionValidator {

    private static final class Frame {
        final Opcode opcode;
        final List<ValType> params;
        final List<ValType> results;
        final int height;
        boolean unreachable;
        boolean sawElse;

        Frame(Opcode opcode, List<ValType> params, List<ValType> results, int height) {
            this.opcode = opcode;
            this.params = params;
            this.results = results;
            this.height = height;
        }

        List<ValType> labelTypes() {
            return opcode == Opcode.LOOP ? params : results;
        }
    }

    /**
     * Operand and result types of the operators typed by their opcode alone, by ordinal (null for
     * the others): arrays, so that the commonest instructions cost a few array reads.
     */
    private static final ValType[][] PARAMS = new ValType[Opcode.values().length][];
    private static final ValType[][] RESULTS = new ValType[Opcode.values().length][];

    /** Locals are listed up to this many; beyond, {@link #local} walks the compressed declarations. */
    private static final int LISTED_LOCALS = 4096;

    static {
        for (Opcode op : Opcode.values()) {
            FuncType signature = OperatorSignatures.of(op);
            if (signature != null) {
                PARAMS[op.ordinal()] = signature.params().toArray(new ValType[0]);
                RESULTS[op.ordinal()] = signature.results().toArray(new ValType[0]);
            }
        }
    }

    private final ModuleContext context;
    private final int functionIndex;
    private final List<ValType> params;
    private final List<Locals> locals;
    /** Every local's type, when there are few enough to list (the usual case); null otherwise. */
    private final ValType[] localTypes;
    private ValType[] operands = new ValType[16];
    private int height;
    private Frame[] frames = new Frame[8];
    private int depth;
    private Expr expr;
    private InstructionReader reader;
    private int current;
    private int maxHeight;
    private int slots;
    private int[] slotHeights;

    FunctionValidator(ModuleContext context, int functionIndex, List<ValType> params, List<Locals> locals) {
        this.context = context;
        this.functionIndex = functionIndex;
        this.params = params;
        this.locals = locals;
        this.localTypes = listLocals(params, locals);
    }

    private static ValType[] listLocals(List<ValType> params, List<Locals> locals) {
        long count = params.size();
        for (Locals run : locals) {
            count += run.count();
            if (count > LISTED_LOCALS) {
                return null;
            }
        }
        ValType[] types = params.toArray(new ValType[(int) count]);
        int next = params.size();
        for (Locals run : locals) {
            Arrays.fill(types, next, next + (int) run.count(), run.type());
            next += (int) run.count();
        }
        return types;
    }

    /** Checks {@code body} against the function's results; returns the maximum operand stack height. */
    int validate(Expr body, List<ValType> results) {
        this.expr = body;
        reader = InstructionReader.of(body);
        pushFrame(new Frame(Opcode.BLOCK, List.of(), results, 0));
        int[] heights = new int[64];
        for (current = 0; !reader.finished(); current++) {
            if (depth == 0) {
                throw fail("unexpected instruction after the end of the function");
            }
            if (current == heights.length) {
                heights = Arrays.copyOf(heights, current * 2);
            }
            heights[current] = slots;
            instruction(reader.next());
        }
        if (depth != 0) {
            throw fail("unexpected end of the function: block not closed");
        }
        if (!reader.atEnd()) {
            throw new MalformedModuleException("section size mismatch: junk after the end of function " + functionIndex,
                    reader.offset());
        }
        slotHeights = Arrays.copyOf(heights, current);
        return maxHeight;
    }

    InvalidModuleException fail(String reason) {
        if (reader != null && reader.hasModuleOffsets()) {
            return new InvalidModuleException(reason, functionIndex, reader.offset());
        }
        int offset = expr == null ? -1 : expr.offset(Math.min(current, expr.instructions().size() - 1));
        String where = offset < 0 && expr != null ? " (at instruction " + current + ")" : "";
        return new InvalidModuleException(reason + where, functionIndex, offset);
    }

    /**
     * The operand stack height, in 64-bit slots, before each instruction of the last validated body:
     * a v128 takes two slots, every other value one. Engines resolve branches with it.
     */
    int[] slotHeights() {
        return slotHeights;
    }

    private static int slotsOf(ValType type) {
        return type == VecType.V128 ? 2 : 1;
    }

    private void push(ValType type) {
        if (height == operands.length) {
            operands = Arrays.copyOf(operands, height * 2);
        }
        operands[height++] = type;
        slots += slotsOf(type);
        if (height > maxHeight) {
            maxHeight = height;
        }
    }

    private void pushAll(List<ValType> types) {
        for (int i = 0; i < types.size(); i++) {
            push(types.get(i));
        }
    }

    private void pushAll(ValType[] types) {
        for (ValType type : types) {
            push(type);
        }
    }

    private Frame top() {
        return frames[depth - 1];
    }

    private void pushFrame(Frame frame) {
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        frames[depth++] = frame;
    }

    private ValType pop() {
        Frame frame = top();
        if (height == frame.height) {
            if (frame.unreachable) {
                return null;
            }
            throw fail("type mismatch: " + name() + " expects an operand but the stack is empty");
        }
        return removeTop();
    }

    /** Removes the top operand, which the current frame must hold. */
    private ValType removeTop() {
        ValType type = operands[--height];
        operands[height] = null;
        slots -= slotsOf(type);
        return type;
    }

    private ValType pop(ValType expected) {
        if (height > top().height && operands[height - 1] == expected) {
            return removeTop();
        }
        ValType actual = popChecked(expected);
        return actual == null ? expected : actual;
    }

    /** Pops a value that must match {@code expected}; returns it as found (null if unknown). */
    private ValType popChecked(ValType expected) {
        ValType actual = pop();
        if (actual != null && expected != null && !context.types.isSubtype(actual, expected)) {
            throw fail("type mismatch: " + name() + " expects " + expected + " but got " + actual);
        }
        return actual;
    }

    private void popAll(List<ValType> types) {
        for (int i = types.size() - 1; i >= 0; i--) {
            pop(types.get(i));
        }
    }

    private void popAll(ValType[] types) {
        for (int i = types.length - 1; i >= 0; i--) {
            pop(types[i]);
        }
    }

    private String name() {
        return reader.opcode().mnemonic();
    }

    private void unreachable() {
        Frame frame = top();
        while (height > frame.height) {
            removeTop();
        }
        frame.unreachable = true;
    }

    private Frame label(int label) {
        if (label < 0 || label >= depth) {
            throw fail("unknown label " + Integer.toUnsignedString(label));
        }
        return frames[depth - 1 - label];
    }

    private FuncType blockType(BlockType type) {
        if (type instanceof BlockType.Value value) {
            checkValType(value.type());
            return new FuncType(List.of(), List.of(value.type()));
        }
        if (type instanceof BlockType.TypeIndex index) {
            FuncType func = context.types.funcType(index.index());
            if (func == null) {
                throw fail("unknown type " + index.index());
            }
            return func;
        }
        return new FuncType(List.of(), List.of());
    }

    private void checkValType(ValType type) {
        Validator.checkValType(context, type, this::fail);
    }

    private void instruction(Opcode op) {
        if (!context.has(op.feature())) {
            throw fail("not supported yet: " + op.feature().proposal() + " (" + op.mnemonic() + ")");
        }
        ValType[] operandTypes = PARAMS[op.ordinal()];
        if (operandTypes != null) {
            popAll(operandTypes);
            pushAll(RESULTS[op.ordinal()]);
            return;
        }
        switch (op) {
            case UNREACHABLE -> unreachable();
            case NOP -> {
            }
            case BLOCK, LOOP, IF -> {
                if (op == Opcode.IF) {
                    pop(NumType.I32);
                }
                FuncType type = blockType(reader.blockType());
                popAll(type.params());
                pushFrame(new Frame(op, type.params(), type.results(), height));
                pushAll(type.params());
            }
            case ELSE -> {
                Frame frame = top();
                if (frame.opcode != Opcode.IF || frame.sawElse) {
                    throw fail("else without a matching if");
                }
                endOfBlock(frame);
                frame.sawElse = true;
                frame.unreachable = false;
                pushAll(frame.params);
            }
            case END -> {
                Frame frame = top();
                endOfBlock(frame);
                if (frame.opcode == Opcode.IF && !frame.sawElse && !frame.params.equals(frame.results)) {
                    throw fail("type mismatch: if without else must leave its parameters as its results");
                }
                frames[--depth] = null;
                pushAll(frame.results);
            }
            case BR -> {
                popAll(label(reader.index()).labelTypes());
                unreachable();
            }
            case BR_IF -> {
                pop(NumType.I32);
                List<ValType> types = label(reader.index()).labelTypes();
                popAll(types);
                pushAll(types);
            }
            case BR_TABLE -> brTable((Instruction.BrTable) reader.instruction());
            case RETURN -> {
                popAll(frames[0].results);
                unreachable();
            }
            case CALL -> call(reader.index());
            case CALL_INDIRECT -> callIndirect(reader.index(), reader.second());
            case DROP -> pop();
            case SELECT -> select();
            case SELECT_TYPED -> {
                List<ValType> types = ((Instruction.SelectTyped) reader.instruction()).types();
                if (types.size() != 1) {
                    throw fail("invalid result arity");
                }
                checkValType(types.get(0));
                pop(NumType.I32);
                pop(types.get(0));
                pop(types.get(0));
                push(types.get(0));
            }
            case LOCAL_GET -> push(local(reader.index()));
            case LOCAL_SET -> pop(local(reader.index()));
            case LOCAL_TEE -> {
                ValType type = local(reader.index());
                pop(type);
                push(type);
            }
            case GLOBAL_GET -> push(global(reader.index()).valType());
            case GLOBAL_SET -> {
                GlobalType global = global(reader.index());
                if (!global.mutable()) {
                    throw fail("global is immutable");
                }
                pop(global.valType());
            }
            case I32_CONST -> push(NumType.I32);
            case I64_CONST -> push(NumType.I64);
            case F32_CONST -> push(NumType.F32);
            case F64_CONST -> push(NumType.F64);
            case V128_CONST -> push(VecType.V128);
            case REF_NULL -> {
                RefType type = RefType.nullable(((Instruction.HeapTypeOp) reader.instruction()).heapType());
                checkValType(type);
                push(type);
            }
            case REF_IS_NULL -> {
                ValType type = pop();
                if (type != null && !(type instanceof RefType)) {
                    throw fail("type mismatch: ref.is_null expects a reference but got " + type);
                }
                push(NumType.I32);
            }
            case REF_FUNC -> {
                int func = reader.index();
                if (context.funcType(func) == null) {
                    throw fail("unknown function " + Integer.toUnsignedString(func));
                }
                if (functionIndex >= 0 && !context.declaredRefs.get(func)) {
                    throw fail("undeclared function reference " + func);
                }
                push(RefType.nonNullable(AbsHeapType.FUNC));
            }
            default -> {
                if (!TableAndMemoryOps.validate(this, context, op, reader)) {
                    lanes(op);
                }
            }
        }
    }

    private void endOfBlock(Frame frame) {
        popAll(frame.results);
        if (height != frame.height) {
            throw fail("type mismatch: " + (height - frame.height) + " values left on the stack at the end of the block");
        }
    }

    private void brTable(Instruction.BrTable table) {
        pop(NumType.I32);
        List<ValType> defaultTypes = label(table.defaultLabel()).labelTypes();
        int arity = defaultTypes.size();
        for (int target : table.labels()) {
            List<ValType> types = label(target).labelTypes();
            if (types.size() != arity) {
                throw fail("type mismatch: br_table targets have different arities");
            }
            List<ValType> popped = new ArrayList<>();
            for (int i = types.size() - 1; i >= 0; i--) {
                popped.add(0, popChecked(types.get(i)));
            }
            for (ValType value : popped) {
                push(value);
            }
        }
        popAll(defaultTypes);
        unreachable();
    }

    private void call(int func) {
        FuncType type = context.funcType(func);
        if (type == null) {
            throw fail("unknown function " + Integer.toUnsignedString(func));
        }
        popAll(type.params());
        pushAll(type.results());
    }

    private void callIndirect(int typeIndex, int tableIndex) {
        TableType table = table(tableIndex);
        if (!context.types.isSubtype(table.elementType(), RefType.FUNCREF)) {
            throw fail("type mismatch: call_indirect needs a table of functions, table " + tableIndex
                    + " holds " + table.elementType());
        }
        FuncType type = context.types.funcType(typeIndex);
        if (type == null) {
            throw fail("unknown type " + Integer.toUnsignedString(typeIndex));
        }
        pop(table.limits().addressType().valType());
        popAll(type.params());
        pushAll(type.results());
    }

    private void select() {
        pop(NumType.I32);
        ValType first = pop();
        ValType second = pop();
        boolean firstOk = first == null || first instanceof NumType || first instanceof VecType;
        boolean secondOk = second == null || second instanceof NumType || second instanceof VecType;
        if (!firstOk || !secondOk) {
            throw fail("type mismatch: select without a type needs number or vector operands");
        }
        if (first != null && second != null && !first.equals(second)) {
            throw fail("type mismatch: select operands " + second + " and " + first + " differ");
        }
        push(first != null ? first : second);
    }

    /** The type of local {@code index}, found without expanding the compressed declarations. */
    private ValType local(int index) {
        if (localTypes != null) {
            if (index >= 0 && index < localTypes.length) {
                return localTypes[index];
            }
            throw fail("unknown local " + Integer.toUnsignedString(index));
        }
        long i = Integer.toUnsignedLong(index);
        if (i < params.size()) {
            return params.get((int) i);
        }
        long remaining = i - params.size();
        for (Locals run : locals) {
            if (remaining < run.count()) {
                return run.type();
            }
            remaining -= run.count();
        }
        throw fail("unknown local " + Integer.toUnsignedString(index));
    }

    GlobalType global(int index) {
        if (index < 0 || index >= context.globals.size()) {
            throw fail("unknown global " + Integer.toUnsignedString(index));
        }
        return context.globals.get(index);
    }

    TableType table(int index) {
        if (index < 0 || index >= context.tables.size()) {
            throw fail("unknown table " + Integer.toUnsignedString(index));
        }
        return context.tables.get(index);
    }

    MemoryType memory(int index) {
        if (index < 0 || index >= context.memories.size()) {
            throw fail("unknown memory " + Integer.toUnsignedString(index));
        }
        return context.memories.get(index);
    }

    /** Checks a memory immediate and returns the memory's address type. */
    ValType memArg(Opcode op, InstructionReader access) {
        MemoryType memory = memory(access.memory());
        if (access.alignLog2() > op.naturalAlignmentLog2()) {
            throw fail("alignment must not be larger than natural");
        }
        if (memory.limits().addressType() == AddressType.I32
                && Long.compareUnsigned(access.memoryOffset(), 0xFFFFFFFFL) > 0) {
            throw fail("offset out of range: " + Long.toUnsignedString(access.memoryOffset()));
        }
        return memory.limits().addressType().valType();
    }

    /** Lane operations and shuffles; the operators typed by their opcode alone never come here. */
    private void lanes(Opcode op) {
        if (op.immediate() == ImmediateKind.LANE) {
            lane(op, reader.index());
            return;
        }
        if (op == Opcode.I8X16_SHUFFLE) {
            for (int i = 0; i < 16; i++) {
                if ((((Instruction.Shuffle) reader.instruction()).lanes().byteLane(i) & 0xFF) >= 32) {
                    throw fail("invalid lane index");
                }
            }
            pop(VecType.V128);
            pop(VecType.V128);
            push(VecType.V128);
            return;
        }
        throw fail("not supported yet: " + op.feature().proposal() + " (" + op.mnemonic() + ")");
    }

    private void lane(Opcode op, int lane) {
        String mnemonic = op.mnemonic();
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        if (lane >= OperatorSignatures.laneCount(shape)) {
            throw fail("invalid lane index");
        }
        ValType scalar = OperatorSignatures.laneScalar(shape);
        if (mnemonic.contains("replace_lane")) {
            pop(scalar);
            pop(VecType.V128);
            push(VecType.V128);
        } else {
            pop(VecType.V128);
            push(scalar);
        }
    }

    void checkLane(int lane, int lanes) {
        if (lane >= lanes) {
            throw fail("invalid lane index");
        }
    }

    void popType(ValType type) {
        pop(type);
    }

    ValType popAny() {
        return pop();
    }

    void pushType(ValType type) {
        push(type);
    }
}
