package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import dev.arabica.format.validation.ModuleInfo;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.FuelCosts;
import dev.arabica.runtime.LinkException;
import dev.arabica.runtime.ops.FuelPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a validated function body into {@link Code}: blocks disappear, branches become jumps that
 * carry the target position, the operand stack height to cut back to and the number of slots to
 * keep (taken from the validator's per-instruction heights), and immediates are laid out inline.
 */
final class CodeCompiler {

    /** The most local slots one function may have in the interpreter. */
    static final long MAX_LOCAL_SLOTS = 50_000;

    private static final class Control {
        final Opcode opcode;
        final int height;
        final int arity;
        final int start;
        final List<Integer> endFixups = new ArrayList<>();
        int elseFixup = -1;

        Control(Opcode opcode, int height, int arity, int start) {
            this.opcode = opcode;
            this.height = height;
            this.arity = arity;
            this.start = start;
        }
    }

    private final CompiledModule module;
    private final int definedIndex;
    private int[] code = new int[64];
    private int size;
    private final List<Integer> offsets = new ArrayList<>();
    private final List<Control> controls = new ArrayList<>();
    /** Slot of each local, as its bitwise complement for v128 locals (which take two slots). */
    private int[] localSlots;
    private int[] heights;

    private final List<ValType> globalTypes = new ArrayList<>();

    private CodeCompiler(CompiledModule module, int definedIndex) {
        this.module = module;
        this.definedIndex = definedIndex;
        for (dev.arabica.format.model.Import i : module.module().imports()) {
            if (i.type() instanceof dev.arabica.format.model.ExternType.Global global) {
                globalTypes.add(global.type().valType());
            }
        }
        module.module().globals().forEach(g -> globalTypes.add(g.type().valType()));
    }

    static Code compile(CompiledModule module, int definedIndex, FuncType type) {
        return new CodeCompiler(module, definedIndex).compile(type);
    }

    private Code compile(FuncType type) {
        Function function = module.module().functions().get(definedIndex);
        long localSlots = slots(type.params());
        for (Locals run : function.locals()) {
            localSlots += run.count() * (run.type() == VecType.V128 ? 2 : 1);
        }
        if (localSlots > MAX_LOCAL_SLOTS) {
            throw new LinkException("function " + definedIndex + " declares " + localSlots
                    + " local slots; the interpreter supports at most " + MAX_LOCAL_SLOTS);
        }
        layOutLocals(type, function.locals(), (int) localSlots);
        int resultSlots = slots(type.results());
        controls.add(new Control(Opcode.BLOCK, 0, resultSlots, 0));
        Expr body = function.body();
        ModuleInfo info = module.info();
        List<Instruction> instructions = body.instructions();
        heights = new int[instructions.size() + 1];
        for (int i = 0; i < instructions.size(); i++) {
            heights[i] = info.slotHeight(definedIndex, i);
        }
        heights[instructions.size()] = resultSlots;
        FuelCosts costs = module.engine().fuelCosts();
        long[] fuelCharges = costs == null ? null : FuelPlan.charges(instructions, costs);
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (body.hasOffsets()) {
                offsets.add(size);
                offsets.add(body.offset(i));
            }
            boolean checks = fuelCharges != null && FuelPlan.checks(instructions, i);
            if (fuelCharges != null && (fuelCharges[i] > 0 || checks)) {
                emit(Opcode.NOP.ordinal());
                emitLong(checks ? ~fuelCharges[i] : fuelCharges[i]);
            }
            instruction(instruction, i);
        }
        int[] offsetTable = offsets.stream().mapToInt(Integer::intValue).toArray();
        return new Code(Arrays.copyOf(code, size), offsetTable, slots(type.params()), (int) localSlots,
                info.maxStackHeight(definedIndex) * 2 + 2, resultSlots);
    }

    private void layOutLocals(FuncType type, List<Locals> locals, int total) {
        List<ValType> all = new ArrayList<>(type.params());
        for (Locals run : locals) {
            for (long i = 0; i < run.count(); i++) {
                all.add(run.type());
            }
        }
        localSlots = new int[all.size()];
        int slot = 0;
        for (int i = 0; i < all.size(); i++) {
            boolean vector = all.get(i) == VecType.V128;
            localSlots[i] = vector ? ~slot : slot;
            slot += vector ? 2 : 1;
        }
    }

    private static int slots(List<ValType> types) {
        int slots = 0;
        for (ValType type : types) {
            slots += type == VecType.V128 ? 2 : 1;
        }
        return slots;
    }

    private void emit(int value) {
        if (size == code.length) {
            code = Arrays.copyOf(code, size * 2);
        }
        code[size++] = value;
    }

    private void emitLong(long value) {
        emit((int) value);
        emit((int) (value >>> 32));
    }

    private FuncType blockType(BlockType type) {
        if (type instanceof BlockType.Value value) {
            return new FuncType(List.of(), List.of(value.type()));
        }
        if (type instanceof BlockType.TypeIndex index) {
            return (FuncType) module.module().types().get(index.index()).compType();
        }
        return new FuncType(List.of(), List.of());
    }

    private void instruction(Instruction instruction, int index) {
        Opcode op = instruction.opcode();
        int height = heights[index];
        switch (op) {
            case NOP -> {
            }
            case BLOCK, LOOP -> {
                FuncType type = blockType(((Instruction.Block) instruction).type());
                int params = slots(type.params());
                int arity = op == Opcode.LOOP ? params : slots(type.results());
                controls.add(new Control(op, height - params, arity, size));
            }
            case IF -> {
                FuncType type = blockType(((Instruction.Block) instruction).type());
                int params = slots(type.params());
                Control control = new Control(op, height - 1 - params, slots(type.results()), size);
                emit(Opcode.IF.ordinal());
                control.elseFixup = size;
                emit(-1);
                controls.add(control);
            }
            case ELSE -> {
                Control control = controls.get(controls.size() - 1);
                emit(Opcode.ELSE.ordinal());
                control.endFixups.add(size);
                emit(-1);
                code[control.elseFixup] = size;
                control.elseFixup = -1;
            }
            case END -> {
                Control control = controls.remove(controls.size() - 1);
                if (control.elseFixup >= 0) {
                    code[control.elseFixup] = size;
                }
                for (int fixup : control.endFixups) {
                    code[fixup] = size;
                }
                if (controls.isEmpty()) {
                    emit(Opcode.RETURN.ordinal());
                }
            }
            case BR, BR_IF -> {
                emit(op.ordinal());
                branchTarget(((Instruction.Indexed) instruction).index());
            }
            case BR_TABLE -> {
                Instruction.BrTable table = (Instruction.BrTable) instruction;
                emit(op.ordinal());
                emit(table.labels().length);
                for (int label : table.labels()) {
                    branchTarget(label);
                }
                branchTarget(table.defaultLabel());
            }
            case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                emit(op.ordinal());
                emit(localSlots[((Instruction.Indexed) instruction).index()]);
            }
            case GLOBAL_GET, GLOBAL_SET -> {
                int global = ((Instruction.Indexed) instruction).index();
                emit(op.ordinal());
                emit(globalTypes.get(global) == VecType.V128 ? ~global : global);
            }
            case DROP -> {
                for (int i = heights[index] - heights[index + 1]; i > 0; i--) {
                    emit(op.ordinal());
                }
            }
            case SELECT, SELECT_TYPED -> {
                emit(Opcode.SELECT.ordinal());
                emit(heights[index] - heights[index + 1] - 1);
            }
            case CALL_INDIRECT -> {
                Instruction.IndexPair pair = (Instruction.IndexPair) instruction;
                emit(op.ordinal());
                emit(module.canonicalType(pair.first()));
                emit(pair.second());
                emit(pair.first());
            }
            default -> immediates(instruction);
        }
    }

    /** Target position (patched later for forward branches), height to cut back to, and slots kept. */
    private void branchTarget(int depth) {
        Control target = controls.get(controls.size() - 1 - depth);
        if (target.opcode == Opcode.LOOP) {
            emit(target.start);
        } else {
            target.endFixups.add(size);
            emit(-1);
        }
        emit(target.height);
        emit(target.arity);
    }

    private void immediates(Instruction instruction) {
        emit(instruction.opcode().ordinal());
        if (instruction instanceof Instruction.Indexed indexed) {
            emit(indexed.index());
        } else if (instruction instanceof Instruction.IndexPair pair) {
            emit(pair.first());
            emit(pair.second());
        } else if (instruction instanceof Instruction.Memory memory) {
            emit(memory.memArg().memory());
            emitLong(memory.memArg().offset());
        } else if (instruction instanceof Instruction.MemoryLane memory) {
            emit(memory.memArg().memory());
            emitLong(memory.memArg().offset());
            emit(memory.lane());
        } else if (instruction instanceof Instruction.V128Const c) {
            emitLong(c.value().low());
            emitLong(c.value().high());
        } else if (instruction instanceof Instruction.Shuffle shuffle) {
            emitLong(shuffle.lanes().low());
            emitLong(shuffle.lanes().high());
        } else if (instruction instanceof Instruction.I32Const c) {
            emit(c.value());
        } else if (instruction instanceof Instruction.I64Const c) {
            emitLong(c.value());
        } else if (instruction instanceof Instruction.F32Const c) {
            emit(c.bits());
        } else if (instruction instanceof Instruction.F64Const c) {
            emitLong(c.bits());
        } else if (!(instruction instanceof Instruction.Plain || instruction instanceof Instruction.HeapTypeOp)) {
            throw new LinkException("the interpreter does not run " + instruction.opcode().mnemonic() + " yet");
        }
    }
}
