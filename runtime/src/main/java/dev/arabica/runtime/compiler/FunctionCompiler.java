package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import dev.arabica.format.validation.OperatorSignatures;
import dev.arabica.runtime.ops.FuelPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles one function to a static JVM method: WebAssembly locals become JVM locals, the operand
 * stack the JVM stack, blocks become labels. The compiler tracks the operand types to pick JVM
 * instructions and to shape the stack on branches. See RATIONALE.md.
 */
final class FunctionCompiler {

    static final String SUPPORT = "dev/arabica/runtime/compiler/CompiledSupport";
    private static final String MEMORY_ACCESS = "dev/arabica/runtime/ops/MemoryAccess";
    static final String FUNC = "dev/arabica/runtime/Func";
    private static final String GLOBAL = "dev/arabica/runtime/Global";
    static final String HANDLE = "java/lang/invoke/MethodHandle";
    /** A {@code call_indirect} with more possible targets than this goes through method handles only. */
    private static final int MAX_DIRECT_TARGETS = 16;

    private final ModuleLayout layout;
    private final int functionIndex;
    private final FuncType type;
    private final FrameWriter mv;
    private final NumericEmitter numeric;
    private final SimdEmitter simd;
    private final MeteringEmitter metering;
    private final List<ValType> localTypes = new ArrayList<>();
    private final List<Integer> localSlots = new ArrayList<>();
    private final List<ValType> stack = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    /** In a region's method, what lies outside it; null in the function's own method. */
    private final RegionScope scope;
    /** Where the regions this method calls go, to be compiled in turn. */
    private final Consumer<RegionScope> regionSink;
    /** The regions this method calls instead of compiling them, by their first instruction. */
    private final Map<Integer, Region> plan;
    /** When not null, records where each instruction's code starts, for planning regions. */
    private final SizeProfile profile;
    private final MethodVisitor rawMethod;
    /** In a function split into regions, where its locals live; null when they are JVM locals. */
    private FrameLocals frameLocals;
    private final boolean localsInArrays;
    private int nextBody;
    private int codeSize;
    private List<Instruction> instructions;
    private long[] fuelCharges;
    /** In a region: the shared exit, which returns the exit code on the stack. */
    private final Label regionExit = new Label();
    private int exitCodeSlot;
    private int memorySlot = -1;
    /** Global index to the slot holding its {@code Global}, for globals the method accesses more than once. */
    private final Map<Integer, Integer> globalSlots = new LinkedHashMap<>();
    private int firstTemp;
    private int nextTemp;
    private boolean unreachable;
    private int deadBlocks;

    /** A block, loop, if or the function body, as branches see it. */
    private static final class Frame {
        final Opcode kind;
        final List<ValType> params;
        final List<ValType> results;
        final int height;
        /** Which block body (or arm of an if) the instructions inside it belong to, for {@link SizeProfile}. */
        int body;
        final Label start = new Label();
        final Label end = new Label();
        Label elseLabel;
        boolean unreachableBefore;

        Frame(Opcode kind, List<ValType> params, List<ValType> results, int height) {
            this.kind = kind;
            this.params = params;
            this.results = results;
            this.height = height;
        }

        List<ValType> branchTypes() {
            return kind == Opcode.LOOP ? params : results;
        }

        Label branchTarget() {
            return kind == Opcode.LOOP ? start : end;
        }
    }

    /**
     * Compiles function {@code functionIndex}'s method, or, given a {@code scope}, the method of
     * one of its regions. The method calls the regions of {@code plan} instead of compiling them
     * and hands their scopes to {@code regionSink}; with {@code localsInArrays} (a split function)
     * its locals live in {@link FrameLocals}; with a {@code profile} it records its code sizes.
     */
    FunctionCompiler(ModuleLayout layout, int functionIndex, MethodVisitor method, RegionScope scope,
            Map<Integer, Region> plan, Consumer<RegionScope> regionSink, SizeProfile profile, boolean localsInArrays) {
        this.layout = layout;
        this.localsInArrays = localsInArrays;
        this.plan = plan;
        this.profile = profile;
        this.rawMethod = method;
        this.functionIndex = functionIndex;
        this.type = layout.functionType(functionIndex);
        this.scope = scope;
        this.regionSink = regionSink;
        this.mv = new FrameWriter(method, scope == null ? layout.compiledDescriptor(functionIndex) : scope.descriptor(),
                JvmTypes.V128);
        this.numeric = new NumericEmitter(mv);
        this.simd = new SimdEmitter(mv);
        this.metering = new MeteringEmitter(mv, layout);
    }

    void compile(Function function) {
        instructions = function.body().instructions();
        if (scope != null) {
            fuelCharges = scope.fuelCharges();
            compileRegion(function);
            return;
        }
        fuelCharges = layout.fuelCosts() != null ? FuelPlan.charges(instructions, layout.fuelCosts()) : null;
        mv.visitCode();
        int slot = 1;
        List<Integer> vectorParams = new ArrayList<>();
        for (ValType param : type.params()) {
            if (param == VecType.V128) {
                vectorParams.add(localTypes.size());
            }
            localTypes.add(param);
            localSlots.add(slot);
            slot += JvmTypes.size(param);
        }
        slot = metering.enter(slot);
        if (layout.hasMemory() && usesMemory(function)) {
            // Right after the parameters: a low slot takes the shortest load instruction, and every
            // memory access loads it.
            memorySlot = slot++;
        }
        slot = metering.loadFuelTank(slot);
        slot = keepGlobals(slot, 0, instructions.size());
        Label tryStart = new Label();
        Label tryEnd = new Label();
        trapHandler(tryStart, tryEnd);
        mv.visitLabel(tryStart);
        reloadMemory();
        loadKeptGlobals();
        if (localsInArrays) {
            List<Integer> paramSlots = new ArrayList<>(localSlots);
            allLocalTypes(function);
            frameLocals = new FrameLocals(mv, localTypes, FrameLocals.carriedRoom(layout, type, instructions));
            firstTemp = frameLocals.allocate(slot, paramSlots);
            compileBody(tryEnd);
            return;
        }
        for (int param : vectorParams) {
            mv.visitVarInsn(ALOAD, localSlots.get(param));
            simd.storeLocal(slot);
            localSlots.set(param, slot);
            slot += SimdEmitter.LOCAL_SLOTS;
        }
        for (Locals locals : function.locals()) {
            for (long i = 0; i < locals.count(); i++) {
                localTypes.add(locals.type());
                localSlots.add(slot);
                if (locals.type() == VecType.V128) {
                    simd.zeroLocal(slot);
                    slot += SimdEmitter.LOCAL_SLOTS;
                } else {
                    JvmTypes.pushZero(mv, locals.type());
                    mv.visitVarInsn(JvmTypes.store(locals.type()), slot);
                    slot += JvmTypes.size(locals.type());
                }
            }
        }
        firstTemp = slot;
        compileBody(tryEnd);
    }

    private void compileBody(Label tryEnd) {
        if (FuelPlan.makesCalls(instructions)) {
            // Endless recursion passes here; a function that calls nothing is bounded by its loop checks.
            metering.checkEpoch();
        }
        frames.add(new Frame(Opcode.BLOCK, List.of(), type.results(), 0));
        compileRange(0, instructions.size());
        mv.visitLabel(tryEnd);
        codeSize = tryEnd.getOffset();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Adds the types of the declared locals after the parameters'. */
    private void allLocalTypes(Function function) {
        for (Locals locals : function.locals()) {
            for (long i = 0; i < locals.count(); i++) {
                localTypes.add(locals.type());
            }
        }
    }

    /** The bytes of bytecode the method took. */
    int codeSize() {
        return codeSize;
    }

    /** Compiles instructions {@code [from, to)}, calling the planned regions instead of compiling them here. */
    private void compileRange(int from, int to) {
        for (int i = from; i < to; i++) {
            nextTemp = firstTemp;
            mv.releaseLocalsFrom(firstTemp);
            if (profile != null) {
                profile.record(rawMethod, i, startsStatement(), top().body);
            }
            Region region = plan.get(i);
            if (region != null && !unreachable) {
                callRegion(region);
                i = region.end() - 1;
                continue;
            }
            if (fuelCharges != null && !unreachable) {
                metering.chargeFuel(fuelCharges[i], FuelPlan.checks(instructions, i));
            }
            if (!unreachable && i + 1 < to && compareAndBranch(instructions.get(i).opcode(), instructions.get(i + 1))) {
                i++;
            } else {
                instruction(instructions.get(i));
            }
        }
        if (profile != null) {
            profile.record(rawMethod, to, startsStatement(), frames.isEmpty() ? 0 : top().body);
        }
    }

    private boolean startsStatement() {
        return !unreachable && !frames.isEmpty() && stack.size() == top().height;
    }

    /**
     * A region's method: {@code (Instance, [memory,] depth, [fuel,] numbers, references) -> exit},
     * where the two arrays hold the function's locals and exit is 0 when the region falls through
     * and {@code k + 1} when it branches to the {@code k}-th label outside it, whose values it
     * leaves in the arrays after the locals.
     */
    private void compileRegion(Function function) {
        mv.visitCode();
        Region region = scope.region();
        localTypes.addAll(type.params());
        allLocalTypes(function);
        frameLocals = new FrameLocals(mv, localTypes, scope.carriedRoom());
        int slot = 1;
        if (region.usesMemory()) {
            memorySlot = slot++;
        }
        slot = metering.enterRegion(slot);
        slot = frameLocals.receive(slot);
        slot = metering.loadFuelTank(slot);
        slot = keepGlobals(slot, region.start(), region.end());
        exitCodeSlot = slot++;
        firstTemp = slot;
        Label tryStart = new Label();
        Label tryEnd = new Label();
        if (metering.metersFuel()) {
            trapHandler(tryStart, tryEnd);
        }
        mv.visitLabel(tryStart);
        loadKeptGlobals();
        frames.add(new Frame(Opcode.BLOCK, List.of(), List.of(), 0));
        compileRange(region.start(), region.end());
        if (!unreachable) {
            exitRegion(0, List.of());
        }
        mv.visitLabel(regionExit);
        if (mv.reachable()) {
            mv.visitVarInsn(ISTORE, exitCodeSlot);
            metering.storeFuel();
            mv.visitVarInsn(ILOAD, exitCodeSlot);
            mv.visitInsn(IRETURN);
        }
        mv.visitLabel(tryEnd);
        codeSize = tryEnd.getOffset();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The labels a branch can reach from here: this method's blocks, then (in a region) the ones outside it. */
    private int labelCount() {
        return scope == null ? frames.size() : frames.size() - 1 + scope.exits().size();
    }

    /** The types a branch to label {@code depth} carries. */
    private List<ValType> labelTypes(int depth) {
        int inner = scope == null ? frames.size() : frames.size() - 1;
        return depth < inner ? frame(depth).branchTypes() : scope.exits().get(depth - inner);
    }

    /**
     * Calls a region's method and goes on where its exit code says: after the region, or to a
     * label outside it, with the values that branch carries.
     */
    private void callRegion(Region region) {
        List<List<ValType>> exits = new ArrayList<>();
        for (int depth = 0; depth < labelCount(); depth++) {
            exits.add(labelTypes(depth));
        }
        String descriptor = "(" + JvmTypes.INSTANCE_DESCRIPTOR + (region.usesMemory() ? "[B" : "")
                + (metering.metersFuel() ? "IJ" : "I") + FrameLocals.ARRAYS_DESCRIPTOR + ")I";
        regionSink.accept(new RegionScope(region, exits, descriptor, frameLocals.carriedRoom(), fuelCharges));
        mv.visitVarInsn(ALOAD, 0);
        if (region.usesMemory()) {
            mv.visitVarInsn(ALOAD, memorySlot);
        }
        metering.pushCallContext();
        frameLocals.pushArrays();
        mv.visitMethodInsn(INVOKESTATIC, ModuleLayout.className(functionIndex), region.methodName(), descriptor, false);
        if (region.replacesMemory()) {
            reloadMemory();
        }
        metering.loadFuel();
        List<Integer> targets = new ArrayList<>();
        for (int exit : region.exits()) {
            targets.add(exit);
        }
        if (region.returns() && !targets.contains(exits.size() - 1)) {
            targets.add(exits.size() - 1);
        }
        if (targets.isEmpty()) {
            mv.visitInsn(POP);
            return;
        }
        Label fallThrough = new Label();
        if (targets.size() == 1) {
            // The common case, a region that leaves only to continue its loop: a test, not a switch.
            mv.visitJumpInsn(IFEQ, fallThrough);
            leaveRegionFor(targets.get(0), exits);
        } else {
            Label[] labels = new Label[targets.size()];
            int[] keys = new int[targets.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = new Label();
                keys[i] = targets.get(i) + 1;
            }
            mv.visitLookupSwitchInsn(fallThrough, keys, labels);
            for (int i = 0; i < labels.length; i++) {
                mv.visitLabel(labels[i]);
                leaveRegionFor(targets.get(i), exits);
            }
        }
        mv.visitLabel(fallThrough);
    }

    /** After a region's method returned with the exit code of label {@code target}: takes the branch there. */
    private void leaveRegionFor(int target, List<List<ValType>> exits) {
        List<ValType> values = exits.get(target);
        frameLocals.loadCarried(values);
        stack.addAll(values);
        branch(target);
        truncate(stack.size() - values.size());
    }

    /**
     * In a region: leaves with exit code {@code code}, the values on top of the stack that it
     * carries going to the local arrays, through the shared exit.
     */
    private void exitRegion(int code, List<ValType> carried) {
        frameLocals.storeCarried(carried);
        for (int i = stack.size() - carried.size() - 1; i >= 0; i--) {
            mv.visitInsn(JvmTypes.pop(stack.get(i)));
        }
        pushInt(code);
        mv.releaseLocalsFrom(firstTemp);
        mv.visitJumpInsn(GOTO, regionExit);
    }

    /**
     * The one handler, which records this function's frame in the trap, placed before the code it
     * covers: the verifier looks up the handler's stack map frame for every instruction it covers,
     * searching the frames from the method's start, which made verifying large methods quadratic.
     */
    private void trapHandler(Label tryStart, Label tryEnd) {
        Label handler = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, "dev/arabica/runtime/Trap");
        mv.visitJumpInsn(GOTO, tryStart);
        mv.visitLabel(handler);
        metering.keepFuelOnTrap();
        if (scope != null) {
            // A region is part of its function's frame, which the function's own handler records.
            mv.visitInsn(ATHROW);
            return;
        }
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(functionIndex);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "frame",
                "(Ldev/arabica/runtime/Trap;" + JvmTypes.INSTANCE_DESCRIPTOR + "I)Ldev/arabica/runtime/Trap;", false);
        mv.visitInsn(ATHROW);
    }

    /** A function that never touches memory keeps no reference to it, and reloads none after calls. */
    private static boolean usesMemory(Function function) {
        for (Instruction instruction : function.body().instructions()) {
            if (Region.accessesMemory(instruction)) {
                return true;
            }
        }
        return false;
    }

    private void instruction(Instruction instruction) {
        Opcode op = instruction.opcode();
        if (unreachable) {
            skipDead(instruction, op);
            return;
        }
        switch (op) {
            case NOP -> {
            }
            case UNREACHABLE -> {
                mv.visitTypeInsn(NEW, "dev/arabica/runtime/Trap");
                mv.visitInsn(DUP);
                mv.visitFieldInsn(GETSTATIC, "dev/arabica/runtime/TrapKind", "UNREACHABLE", "Ldev/arabica/runtime/TrapKind;");
                mv.visitMethodInsn(INVOKESPECIAL, "dev/arabica/runtime/Trap", "<init>", "(Ldev/arabica/runtime/TrapKind;)V", false);
                mv.visitInsn(ATHROW);
                markUnreachable();
            }
            case BLOCK, LOOP -> {
                Frame frame = enter(op, ((Instruction.Block) instruction).type());
                if (op == Opcode.LOOP) {
                    mv.visitLabel(frame.start);
                    metering.checkEpoch();
                }
            }
            case IF -> {
                pop();
                enterIf((Instruction.Block) instruction, IFEQ);
            }
            case ELSE -> {
                Frame frame = top();
                frame.body = ++nextBody;
                mv.visitJumpInsn(GOTO, frame.end);
                mv.visitLabel(frame.elseLabel);
                frame.elseLabel = null;
                truncate(frame.height);
                stack.addAll(frame.params);
            }
            case END -> end();
            case BR -> {
                branch(((Instruction.Indexed) instruction).index());
                markUnreachable();
            }
            case BR_IF -> {
                pop();
                branchIf(((Instruction.Indexed) instruction).index(), IFNE);
            }
            case BR_TABLE -> brTable((Instruction.BrTable) instruction);
            case RETURN -> {
                branch(labelCount() - 1);
                markUnreachable();
            }
            case CALL -> call(((Instruction.Indexed) instruction).index());
            case CALL_INDIRECT -> callIndirect((Instruction.IndexPair) instruction);
            case DROP -> mv.visitInsn(JvmTypes.pop(pop()));
            case SELECT, SELECT_TYPED -> select();
            case LOCAL_GET -> {
                int index = ((Instruction.Indexed) instruction).index();
                if (frameLocals != null) {
                    frameLocals.load(index);
                } else if (localTypes.get(index) == VecType.V128) {
                    simd.loadLocal(localSlots.get(index));
                } else {
                    mv.visitVarInsn(JvmTypes.load(localTypes.get(index)), localSlots.get(index));
                }
                stack.add(localTypes.get(index));
            }
            case LOCAL_SET -> {
                pop();
                storeLocal(((Instruction.Indexed) instruction).index());
            }
            case LOCAL_TEE -> {
                int index = ((Instruction.Indexed) instruction).index();
                mv.visitInsn(JvmTypes.size(localTypes.get(index)) == 2 ? DUP2 : DUP);
                storeLocal(index);
            }
            case GLOBAL_GET -> globalGet(((Instruction.Indexed) instruction).index());
            case GLOBAL_SET -> globalSet(((Instruction.Indexed) instruction).index());
            case I32_CONST -> push(NumType.I32, ((Instruction.I32Const) instruction).value());
            case I64_CONST -> push(NumType.I64, ((Instruction.I64Const) instruction).value());
            case F32_CONST -> {
                mv.visitLdcInsn(((Instruction.F32Const) instruction).bits());
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                stack.add(NumType.F32);
            }
            case F64_CONST -> {
                mv.visitLdcInsn(((Instruction.F64Const) instruction).bits());
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                stack.add(NumType.F64);
            }
            case MEMORY_SIZE -> {
                mv.visitVarInsn(ALOAD, 0);
                support("memorySize", "(" + JvmTypes.INSTANCE_DESCRIPTOR + ")I");
                stack.add(NumType.I32);
            }
            case MEMORY_GROW -> {
                mv.visitVarInsn(ALOAD, 0);
                support("memoryGrow", "(I" + JvmTypes.INSTANCE_DESCRIPTOR + ")I");
                reloadMemory();
                metering.checkEpoch();
            }
            case MEMORY_FILL, MEMORY_COPY -> {
                popN(3);
                mv.visitVarInsn(ALOAD, memorySlot);
                support(op == Opcode.MEMORY_FILL ? "memoryFill" : "memoryCopy", "(III[B)V");
                metering.checkEpoch();
            }
            case MEMORY_INIT -> {
                popN(3);
                mv.visitVarInsn(ALOAD, memorySlot);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitLdcInsn(((Instruction.IndexPair) instruction).first());
                support("memoryInit", "(III[B" + JvmTypes.INSTANCE_DESCRIPTOR + "I)V");
            }
            case DATA_DROP -> instanceOp("dataDrop", ((Instruction.Indexed) instruction).index(), "V");
            case ELEM_DROP -> instanceOp("elemDrop", ((Instruction.Indexed) instruction).index(), "V");
            case REF_NULL -> {
                mv.visitInsn(ACONST_NULL);
                stack.add(RefType.FUNCREF);
            }
            case REF_IS_NULL -> {
                pop();
                numeric.bool(IFNULL);
                stack.add(NumType.I32);
            }
            case REF_FUNC -> {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitLdcInsn(((Instruction.Indexed) instruction).index());
                mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.INSTANCE, "funcAt", "(I)L" + FUNC + ";", false);
                stack.add(RefType.FUNCREF);
            }
            case TABLE_GET -> {
                pop();
                tableOp("tableGet", ((Instruction.Indexed) instruction).index(), "(I", "Ljava/lang/Object;");
                stack.add(layout.tableElementType(((Instruction.Indexed) instruction).index()));
            }
            case TABLE_SET -> {
                popN(2);
                tableOp("tableSet", ((Instruction.Indexed) instruction).index(), "(ILjava/lang/Object;", "V");
            }
            case TABLE_SIZE -> {
                tableOp("tableSize", ((Instruction.Indexed) instruction).index(), "(", "I");
                stack.add(NumType.I32);
            }
            case TABLE_GROW -> {
                popN(2);
                tableOp("tableGrow", ((Instruction.Indexed) instruction).index(), "(Ljava/lang/Object;I", "I");
                stack.add(NumType.I32);
            }
            case TABLE_FILL -> {
                popN(3);
                tableOp("tableFill", ((Instruction.Indexed) instruction).index(), "(ILjava/lang/Object;I", "V");
            }
            case TABLE_COPY, TABLE_INIT -> {
                popN(3);
                Instruction.IndexPair pair = (Instruction.IndexPair) instruction;
                mv.visitVarInsn(ALOAD, 0);
                mv.visitLdcInsn(pair.first());
                mv.visitLdcInsn(pair.second());
                support(op == Opcode.TABLE_COPY ? "tableCopy" : "tableInit", "(III" + JvmTypes.INSTANCE_DESCRIPTOR + "II)V");
            }
            default -> {
                if (op.feature() == Feature.SIMD) {
                    FuncType signature = simd.emit(instruction, memorySlot);
                    popN(signature.params().size());
                    stack.addAll(signature.results());
                    if (!mv.reachable()) {
                        // An access whose offset is past any memory always traps.
                        markUnreachable();
                    }
                } else if (instruction instanceof Instruction.Memory access) {
                    memoryAccess(op, access.memArg().offset());
                } else {
                    numeric(op);
                }
            }
        }
    }

    private void storeLocal(int index) {
        if (frameLocals != null) {
            frameLocals.store(index);
        } else if (localTypes.get(index) == VecType.V128) {
            simd.storeLocal(localSlots.get(index));
        } else {
            mv.visitVarInsn(JvmTypes.store(localTypes.get(index)), localSlots.get(index));
        }
    }

    /**
     * A comparison that a {@code br_if} or {@code if} consumes at once becomes the JVM's conditional
     * jump, rather than a 0 or 1 that is tested again: fewer frames, and the loop-exit test C2
     * recognises as such. Neither instruction is charged fuel separately (see FuelPlan).
     */
    private boolean compareAndBranch(Opcode op, Instruction next) {
        if (next.opcode() != Opcode.BR_IF && next.opcode() != Opcode.IF) {
            return false;
        }
        int jump = numeric.comparison(op);
        if (jump == NOP) {
            return false;
        }
        popN(OperatorSignatures.of(op).params().size());
        if (next.opcode() == Opcode.IF) {
            enterIf((Instruction.Block) next, NumericEmitter.negate(jump));
        } else {
            branchIf(((Instruction.Indexed) next).index(), jump);
        }
        return true;
    }

    /** Enters an {@code if} whose operands {@code toElse} has left; it jumps to the else arm. */
    private void enterIf(Instruction.Block instruction, int toElse) {
        Frame frame = enter(Opcode.IF, instruction.type());
        frame.elseLabel = new Label();
        mv.visitJumpInsn(toElse, frame.elseLabel);
    }

    /**
     * A {@code br_if} whose operands {@code taken} consumes, jumping when the branch is taken. A
     * loop's back edge stays a conditional jump over a {@code goto}: as one conditional jump to the
     * loop header, fib ran 45% and sieve 25% slower (thread CPU A/B).
     */
    private void branchIf(int depth, int taken) {
        if (isPlainJump(depth) && frame(depth).kind != Opcode.LOOP) {
            mv.visitJumpInsn(taken, frame(depth).branchTarget());
        } else {
            Label skip = new Label();
            mv.visitJumpInsn(NumericEmitter.negate(taken), skip);
            branch(depth);
            mv.visitLabel(skip);
        }
    }

    private void numeric(Opcode op) {
        FuncType signature = OperatorSignatures.of(op);
        if (signature == null || !numeric.emit(op)) {
            throw new UnsupportedOperationException("the compiler does not compile " + op.mnemonic() + " yet");
        }
        popN(signature.params().size());
        stack.addAll(signature.results());
    }

    private void push(NumType type, long value) {
        if (type == NumType.I32) {
            pushInt((int) value);
        } else if (value == 0 || value == 1) {
            mv.visitInsn(value == 0 ? LCONST_0 : LCONST_1);
        } else {
            mv.visitLdcInsn(value);
        }
        stack.add(type);
    }

    private void pushInt(int value) {
        JvmTypes.pushInt(mv, value);
    }

    private void support(String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, name, descriptor, false);
    }

    private void instanceOp(String name, int index, String result) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(index);
        support(name, "(" + JvmTypes.INSTANCE_DESCRIPTOR + "I)" + result);
    }

    private void tableOp(String name, int table, String operands, String result) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(table);
        support(name, operands + JvmTypes.INSTANCE_DESCRIPTOR + "I)" + result);
    }

    private void reloadMemory() {
        if (memorySlot >= 0) {
            mv.visitVarInsn(ALOAD, 0);
            support("memory", "(" + JvmTypes.INSTANCE_DESCRIPTOR + ")[B");
            mv.visitVarInsn(ASTORE, memorySlot);
        }
    }

    private void memoryAccess(Opcode op, long offset) {
        MemoryAccessor accessor = MemoryAccessor.of(op);
        if (accessor.store()) {
            popN(2);
        } else {
            pop();
        }
        if (offset > Integer.MAX_VALUE) {
            if (accessor.store()) {
                mv.visitInsn(JvmTypes.pop(accessor.valueType()));
            }
            mv.visitInsn(POP);
            mv.visitMethodInsn(INVOKESTATIC, MEMORY_ACCESS, "outOfBounds", "()Ldev/arabica/runtime/Trap;", false);
            mv.visitInsn(ATHROW);
            markUnreachable();
            return;
        }
        mv.visitVarInsn(ALOAD, memorySlot);
        pushInt((int) offset);
        mv.visitMethodInsn(INVOKESTATIC, MEMORY_ACCESS, accessor.method(), accessor.descriptor(), false);
        if (!accessor.store()) {
            stack.add(accessor.valueType());
        }
    }

    /**
     * Gives each global that instructions {@code [from, to)} use more than once a slot, from
     * {@code slot} on; returns the next free slot.
     */
    private int keepGlobals(int slot, int from, int to) {
        for (int global : GlobalUses.repeated(instructions.subList(from, to))) {
            globalSlots.put(global, slot++);
        }
        return slot;
    }

    private void loadKeptGlobals() {
        globalSlots.forEach((global, globalSlot) -> {
            loadGlobalObject(global);
            mv.visitVarInsn(ASTORE, globalSlot);
        });
    }

    /** Pushes global {@code index}'s {@code Global}: from its slot if the method keeps one, else from the instance. */
    private void pushGlobalObject(int index) {
        Integer slot = globalSlots.get(index);
        if (slot != null) {
            mv.visitVarInsn(ALOAD, slot);
        } else {
            loadGlobalObject(index);
        }
    }

    private void loadGlobalObject(int index) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(index);
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.INSTANCE, "globalAt", "(I)L" + GLOBAL + ";", false);
    }

    private void globalGet(int index) {
        GlobalType global = layout.globalType(index);
        ValType valType = global.valType();
        pushGlobalObject(index);
        if (valType instanceof RefType) {
            mv.visitMethodInsn(INVOKEVIRTUAL, GLOBAL, "ref", "()Ljava/lang/Object;", false);
        } else if (valType == VecType.V128) {
            support("vectorGlobal", "(L" + GLOBAL + ";)" + JvmTypes.V128_DESCRIPTOR);
        } else {
            mv.visitMethodInsn(INVOKEVIRTUAL, GLOBAL, "bits", "()J", false);
            switch ((NumType) valType) {
                case I32 -> mv.visitInsn(L2I);
                case F32 -> {
                    mv.visitInsn(L2I);
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                }
                case F64 -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                case I64 -> {
                }
            }
        }
        stack.add(valType);
    }

    private void globalSet(int index) {
        ValType valType = pop();
        int temp = temp(valType);
        mv.visitVarInsn(JvmTypes.store(valType), temp);
        pushGlobalObject(index);
        mv.visitVarInsn(JvmTypes.load(valType), temp);
        if (valType instanceof RefType) {
            mv.visitMethodInsn(INVOKEVIRTUAL, GLOBAL, "setRef", "(Ljava/lang/Object;)V", false);
            return;
        }
        if (valType == VecType.V128) {
            support("setVectorGlobal", "(L" + GLOBAL + ";" + JvmTypes.V128_DESCRIPTOR + ")V");
            return;
        }
        switch ((NumType) valType) {
            case I32 -> mv.visitInsn(I2L);
            case F32 -> {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "toUnsignedLong", "(I)J", false);
            }
            case F64 -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            case I64 -> {
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, GLOBAL, "setBits", "(J)V", false);
    }

    private void select() {
        pop();
        int condition = temp(NumType.I32);
        mv.visitVarInsn(ISTORE, condition);
        ValType valType = pop();
        pop();
        int second = temp(valType);
        int first = temp(valType);
        mv.visitVarInsn(JvmTypes.store(valType), second);
        mv.visitVarInsn(JvmTypes.store(valType), first);
        Label takeSecond = new Label();
        Label done = new Label();
        mv.visitVarInsn(ILOAD, condition);
        mv.visitJumpInsn(IFEQ, takeSecond);
        mv.visitVarInsn(JvmTypes.load(valType), first);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(takeSecond);
        mv.visitVarInsn(JvmTypes.load(valType), second);
        mv.visitLabel(done);
        stack.add(valType);
    }

    private void call(int callee) {
        FuncType calleeType = layout.functionType(callee);
        if (layout.isCompiled(callee)) {
            pushInstanceUnder(calleeType.params());
            metering.pushCallContext();
            mv.visitMethodInsn(INVOKESTATIC, ModuleLayout.className(callee), ModuleLayout.methodName(callee),
                    layout.compiledDescriptor(callee), false);
        } else {
            int[] temps = spill(calleeType.params());
            mv.visitVarInsn(ALOAD, 0);
            mv.visitLdcInsn(callee);
            mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.INSTANCE, "funcAt", "(I)L" + FUNC + ";", false);
            invokeHandle(calleeType, temps);
        }
        results(calleeType);
    }

    /**
     * Puts the instance under a call's arguments, which are on the stack already. One argument, or
     * two of one slot each, are moved with stack operations (two or three bytes instead of a store
     * and a load per argument: large functions fit the JVM's method limit more often); other shapes
     * go through temporaries.
     */
    private void pushInstanceUnder(List<ValType> params) {
        int size = 0;
        for (ValType param : params) {
            size += JvmTypes.size(param);
        }
        stack.subList(stack.size() - params.size(), stack.size()).clear();
        if (params.isEmpty()) {
            mv.visitVarInsn(ALOAD, 0);
        } else if (params.size() == 1 && size == 1) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(SWAP);
        } else if (size == 2) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInsn(DUP_X2);
            mv.visitInsn(POP);
        } else {
            stack.addAll(params);
            int[] temps = spill(params);
            mv.visitVarInsn(ALOAD, 0);
            reload(params, temps);
        }
    }

    private void callIndirect(Instruction.IndexPair instruction) {
        FuncType calleeType = layout.type(instruction.first());
        pop();
        int index = temp(NumType.I32);
        mv.visitVarInsn(ISTORE, index);
        int[] temps = spill(calleeType.params());
        mv.visitVarInsn(ILOAD, index);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitLdcInsn(instruction.second());
        int canonicalType = layout.canonicalType(instruction.first());
        mv.visitLdcInsn(canonicalType);
        support("indirect", "(I" + JvmTypes.INSTANCE_DESCRIPTOR + "II)L" + FUNC + ";");
        List<Integer> candidates = layout.indirectCandidates(canonicalType);
        if (candidates.isEmpty() || candidates.size() > MAX_DIRECT_TARGETS) {
            invokeHandle(calleeType, temps);
        } else {
            callDirectly(calleeType, temps, candidates);
        }
        results(calleeType);
    }

    /**
     * With the callee {@code Func} on the stack: if it is one of this module's compiled functions
     * that tables hold, calls its method with {@code invokestatic}, which the JIT can inline;
     * otherwise through its method handle.
     */
    private void callDirectly(FuncType calleeType, int[] temps, List<Integer> candidates) {
        int callee = temp(RefType.FUNCREF);
        mv.visitVarInsn(ASTORE, callee);
        mv.visitVarInsn(ALOAD, callee);
        mv.visitVarInsn(ALOAD, 0);
        support("localIndex", "(L" + FUNC + ";" + JvmTypes.INSTANCE_DESCRIPTOR + ")I");
        Label viaHandle = new Label();
        Label done = new Label();
        Label[] labels = new Label[candidates.size()];
        int[] keys = new int[candidates.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new Label();
            keys[i] = candidates.get(i);
        }
        mv.visitLookupSwitchInsn(viaHandle, keys, labels);
        String descriptor = JvmTypes.compiledDescriptor(calleeType, metering.metersFuel());
        for (int i = 0; i < labels.length; i++) {
            mv.visitLabel(labels[i]);
            mv.visitVarInsn(ALOAD, 0);
            reload(calleeType.params(), temps);
            metering.pushCallContext();
            mv.visitMethodInsn(INVOKESTATIC, ModuleLayout.className(keys[i]), ModuleLayout.methodName(keys[i]),
                    descriptor, false);
            mv.visitJumpInsn(GOTO, done);
        }
        mv.visitLabel(viaHandle);
        mv.visitVarInsn(ALOAD, callee);
        invokeHandle(calleeType, temps);
        mv.visitLabel(done);
    }

    /** With the callee {@code Func} on the stack: calls it through its method handle. */
    private void invokeHandle(FuncType calleeType, int[] temps) {
        metering.beforeHandleCall();
        mv.visitMethodInsn(INVOKEVIRTUAL, FUNC, "handle", "()L" + HANDLE + ";", false);
        mv.visitVarInsn(ALOAD, 0);
        reload(calleeType.params(), temps);
        mv.visitMethodInsn(INVOKEVIRTUAL, HANDLE, "invokeExact", JvmTypes.methodDescriptor(calleeType), false);
    }

    private int[] spill(List<ValType> types) {
        int[] temps = new int[types.size()];
        for (int i = types.size() - 1; i >= 0; i--) {
            pop();
            temps[i] = temp(types.get(i));
            mv.visitVarInsn(JvmTypes.store(types.get(i)), temps[i]);
        }
        return temps;
    }

    private void reload(List<ValType> types, int[] temps) {
        for (int i = 0; i < types.size(); i++) {
            mv.visitVarInsn(JvmTypes.load(types.get(i)), temps[i]);
        }
    }

    /** After a call: unpacks several results, and reloads memory that the callee may have grown and the fuel it left. */
    private void results(FuncType calleeType) {
        List<ValType> results = calleeType.results();
        if (results.size() > 1) {
            int array = temp(RefType.EXTERNREF);
            mv.visitVarInsn(ASTORE, array);
            for (int i = 0; i < results.size(); i++) {
                mv.visitVarInsn(ALOAD, array);
                mv.visitLdcInsn(i);
                mv.visitInsn(AALOAD);
                String[] box = JvmTypes.box(results.get(i));
                if (box != null) {
                    mv.visitTypeInsn(CHECKCAST, box[0]);
                    mv.visitMethodInsn(INVOKEVIRTUAL, box[0], box[1], "()" + box[2], false);
                } else if (results.get(i) == VecType.V128) {
                    mv.visitTypeInsn(CHECKCAST, JvmTypes.V128);
                }
            }
        }
        stack.addAll(results);
        reloadMemory();
        metering.loadFuel();
    }

    private Frame enter(Opcode kind, BlockType blockType) {
        List<ValType> params = layout.blockParams(blockType);
        List<ValType> results = layout.blockResults(blockType);
        Frame frame = new Frame(kind, params, results, stack.size() - params.size());
        frame.body = ++nextBody;
        frames.add(frame);
        return frame;
    }

    private void end() {
        Frame frame = frames.remove(frames.size() - 1);
        if (frames.isEmpty()) {
            emitReturn();
            return;
        }
        if (frame.elseLabel != null) {
            mv.visitLabel(frame.elseLabel);
        }
        mv.visitLabel(frame.end);
        truncate(frame.height);
        stack.addAll(frame.results);
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }

    private Frame frame(int depth) {
        return frames.get(frames.size() - 1 - depth);
    }

    /** Jumps to the label of {@code depth}, keeping only the values it takes on the stack. */
    private void branch(int depth) {
        if (scope != null && depth >= frames.size() - 1) {
            int exit = depth - (frames.size() - 1);
            exitRegion(exit + 1, scope.exits().get(exit));
            return;
        }
        Frame target = frame(depth);
        if (depth == frames.size() - 1) {
            emitReturn();
            return;
        }
        List<ValType> kept = target.branchTypes();
        int extra = stack.size() - kept.size() - target.height;
        if (extra > 0) {
            int[] temps = new int[kept.size()];
            for (int i = kept.size() - 1; i >= 0; i--) {
                temps[i] = temp(kept.get(i));
                mv.visitVarInsn(JvmTypes.store(kept.get(i)), temps[i]);
            }
            for (int i = 0; i < extra; i++) {
                mv.visitInsn(JvmTypes.pop(stack.get(stack.size() - kept.size() - 1 - i)));
            }
            reload(kept, temps);
        }
        mv.visitJumpInsn(GOTO, target.branchTarget());
    }

    /**
     * Whether a branch to {@code depth} is a bare jump: not a return, and with nothing on the stack
     * under the values it carries. Conditional branches and tables then jump to the target
     * directly, with no code of their own (and no stack map frame).
     */
    private boolean isPlainJump(int depth) {
        return depth < frames.size() - 1 && stack.size() - frame(depth).branchTypes().size() == frame(depth).height;
    }

    private void brTable(Instruction.BrTable instruction) {
        pop();
        int[] labels = instruction.labels();
        Label[] trampolines = new Label[labels.length];
        for (int i = 0; i < labels.length; i++) {
            trampolines[i] = isPlainJump(labels[i]) ? frame(labels[i]).branchTarget() : new Label();
        }
        boolean plainDefault = isPlainJump(instruction.defaultLabel());
        Label otherwise = plainDefault ? frame(instruction.defaultLabel()).branchTarget() : new Label();
        if (labels.length == 0) {
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, otherwise);
        } else {
            mv.visitTableSwitchInsn(0, labels.length - 1, otherwise, trampolines);
        }
        for (int i = 0; i < labels.length; i++) {
            if (!isPlainJump(labels[i])) {
                mv.visitLabel(trampolines[i]);
                branch(labels[i]);
            }
        }
        if (!plainDefault) {
            mv.visitLabel(otherwise);
            branch(instruction.defaultLabel());
        }
        markUnreachable();
    }

    private void emitReturn() {
        List<ValType> results = type.results();
        metering.storeFuel();
        switch (results.size()) {
            case 0 -> mv.visitInsn(RETURN);
            case 1 -> mv.visitInsn(JvmTypes.returns(results.get(0)));
            default -> {
                int[] temps = new int[results.size()];
                for (int i = results.size() - 1; i >= 0; i--) {
                    temps[i] = temp(results.get(i));
                    mv.visitVarInsn(JvmTypes.store(results.get(i)), temps[i]);
                }
                mv.visitLdcInsn(results.size());
                mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
                for (int i = 0; i < results.size(); i++) {
                    mv.visitInsn(DUP);
                    mv.visitLdcInsn(i);
                    mv.visitVarInsn(JvmTypes.load(results.get(i)), temps[i]);
                    String[] box = JvmTypes.box(results.get(i));
                    if (box != null) {
                        mv.visitMethodInsn(INVOKESTATIC, box[0], "valueOf", "(" + box[2] + ")L" + box[0] + ";", false);
                    }
                    mv.visitInsn(AASTORE);
                }
                mv.visitInsn(ARETURN);
            }
        }
    }

    private void markUnreachable() {
        unreachable = true;
        deadBlocks = 0;
        truncate(top().height);
    }

    /** In unreachable code only the block structure matters: nothing is emitted until it ends. */
    private void skipDead(Instruction instruction, Opcode op) {
        switch (op) {
            case BLOCK, LOOP, IF -> deadBlocks++;
            case ELSE -> {
                if (deadBlocks == 0) {
                    unreachable = false;
                    Frame frame = top();
                    frame.body = ++nextBody;
                    mv.visitLabel(frame.elseLabel);
                    frame.elseLabel = null;
                    truncate(frame.height);
                    stack.addAll(frame.params);
                }
            }
            case END -> {
                if (deadBlocks > 0) {
                    deadBlocks--;
                } else {
                    unreachable = false;
                    if (frames.size() == 1) {
                        frames.remove(0);
                        return;
                    }
                    end();
                    if (!mv.reachable()) {
                        // No branch targets the block's end: what follows it in its parent never runs.
                        markUnreachable();
                    }
                }
            }
            default -> {
            }
        }
    }

    private ValType pop() {
        return stack.remove(stack.size() - 1);
    }

    private void popN(int count) {
        for (int i = 0; i < count; i++) {
            pop();
        }
    }

    private void truncate(int height) {
        while (stack.size() > height) {
            stack.remove(stack.size() - 1);
        }
    }

    private int temp(ValType valType) {
        int slot = nextTemp;
        nextTemp += JvmTypes.size(valType);
        return slot;
    }
}
