package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.V128;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import dev.arabica.format.validation.OperatorSignatures;
import java.util.List;
import java.util.regex.Pattern;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits the vector instructions as calls of the static helpers of {@code runtime.ops}, which take
 * and return immutable {@link V128} values: the JIT inlines them and, as the values do not escape,
 * keeps the two halves in registers instead of allocating. See RATIONALE.md.
 *
 * <p>The helper is found from the mnemonic: the operator's name in camel case ({@code add_sat_s}
 * is {@code addSatS}) in the class of its concern, with the lane width as a constant last argument
 * where the operator exists for several shapes ({@code i8x16.add_sat_s} is {@code
 * VectorIntegers.addSatS(a, b, 8)}). Conversions that exist for one shape only are named by their
 * whole mnemonic ({@code f32x4.demote_f64x2_zero} is {@code f32x4DemoteF64x2Zero}).
 */
final class SimdEmitter {

    private static final String OPS = "dev/arabica/runtime/ops/";
    private static final String INTEGERS = OPS + "VectorIntegers";
    private static final String FLOATS = OPS + "VectorFloats";
    private static final String CONVERSIONS = OPS + "VectorConversions";
    private static final String LANES = OPS + "VectorLanes";
    private static final String BITWISE = OPS + "VectorBitwise";
    private static final String MEMORY = OPS + "VectorMemory";
    private static final String MEMORY_ACCESS = OPS + "MemoryAccess";
    private static final String V = JvmTypes.V128_DESCRIPTOR;
    private static final FuncType LOAD = new FuncType(List.of(NumType.I32), List.of(VecType.V128));
    private static final FuncType STORE = new FuncType(List.of(NumType.I32, VecType.V128), List.of());
    private static final FuncType LOAD_LANE = new FuncType(List.of(NumType.I32, VecType.V128), List.of(VecType.V128));
    private static final FuncType CONSTANT = new FuncType(List.of(), List.of(VecType.V128));
    private static final FuncType BINARY = new FuncType(List.of(VecType.V128, VecType.V128), List.of(VecType.V128));

    /** The shape a conversion reads, in its name: {@code _i16x8} in {@code narrow_i16x8_s}. */
    private static final Pattern SOURCE_SHAPE = Pattern.compile("_[if]\\d+x\\d+");

    /** The JVM local slots of a v128 local: two longs. */
    static final int LOCAL_SLOTS = 4;

    private final MethodVisitor mv;

    SimdEmitter(MethodVisitor mv) {
        this.mv = mv;
    }

    /**
     * Emits a vector instruction, with {@code memorySlot} the local that holds the memory's bytes;
     * returns the types it pops and pushes.
     */
    FuncType emit(Instruction instruction, int memorySlot) {
        Opcode op = instruction.opcode();
        if (instruction instanceof Instruction.Memory access) {
            return memory(op, access.memArg().offset(), memorySlot, -1);
        }
        if (instruction instanceof Instruction.MemoryLane access) {
            return memory(op, access.memArg().offset(), memorySlot, access.lane());
        }
        if (instruction instanceof Instruction.V128Const constant) {
            newVector(constant.value());
            return CONSTANT;
        }
        if (instruction instanceof Instruction.Shuffle shuffle) {
            mv.visitLdcInsn(shuffle.lanes().low());
            mv.visitLdcInsn(shuffle.lanes().high());
            call(LANES, "shuffle", "(" + V + V + "JJ)" + V);
            return BINARY;
        }
        if (op.immediate() == ImmediateKind.LANE) {
            return lane(op, ((Instruction.Indexed) instruction).index());
        }
        return plain(op);
    }

    /**
     * Pushes a v128 local. Locals hold the two halves as longs, not a {@code V128}: a vector that
     * lives across a loop's back edge (an accumulator) would otherwise be a merge of allocations,
     * which HotSpot's escape analysis does not remove, and cost an allocation per iteration.
     */
    void loadLocal(int slot) {
        mv.visitTypeInsn(NEW, JvmTypes.V128);
        mv.visitInsn(DUP);
        mv.visitVarInsn(LLOAD, slot);
        mv.visitVarInsn(LLOAD, slot + 2);
        mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.V128, "<init>", "(JJ)V", false);
    }

    void storeLocal(int slot) {
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.V128, "low", "()J", false);
        mv.visitVarInsn(LSTORE, slot);
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.V128, "high", "()J", false);
        mv.visitVarInsn(LSTORE, slot + 2);
    }

    void zeroLocal(int slot) {
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, slot);
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, slot + 2);
    }

    private void newVector(V128 value) {
        mv.visitTypeInsn(NEW, JvmTypes.V128);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(value.low());
        mv.visitLdcInsn(value.high());
        mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.V128, "<init>", "(JJ)V", false);
    }

    private FuncType plain(Opcode op) {
        FuncType signature = OperatorSignatures.of(op);
        String mnemonic = op.mnemonic();
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        String name = mnemonic.substring(mnemonic.indexOf('.') + 1);
        StringBuilder descriptor = new StringBuilder("(");
        signature.params().forEach(param -> descriptor.append(JvmTypes.descriptor(param)));
        String owner;
        String method;
        boolean takesWidth = true;
        if (shape.equals("v128")) {
            owner = BITWISE;
            method = camelCase(name);
            takesWidth = false;
        } else if (name.equals("swizzle")) {
            owner = LANES;
            method = "swizzle";
            takesWidth = false;
        } else if (name.equals("splat")) {
            owner = LANES;
            method = "splat";
            takesWidth = signature.params().get(0) == NumType.I32;
        } else if (SOURCE_SHAPE.matcher(name).find()) {
            owner = CONVERSIONS;
            if (name.startsWith("narrow_") || name.startsWith("ext")) {
                method = camelCase(SOURCE_SHAPE.matcher(name).replaceAll(""));
            } else {
                method = camelCase(mnemonic);
                takesWidth = false;
            }
        } else {
            owner = shape.startsWith("f") ? FLOATS : INTEGERS;
            method = camelCase(name);
        }
        if (takesWidth) {
            mv.visitLdcInsn(width(shape));
            descriptor.append('I');
        }
        descriptor.append(')').append(JvmTypes.descriptor(signature.results().get(0)));
        call(owner, method, descriptor.toString());
        return signature;
    }

    private FuncType lane(Opcode op, int lane) {
        String mnemonic = op.mnemonic();
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        ValType scalar = switch (shape) {
            case "i64x2" -> NumType.I64;
            case "f32x4" -> NumType.F32;
            case "f64x2" -> NumType.F64;
            default -> NumType.I32;
        };
        boolean narrow = scalar == NumType.I32;
        String widthParameter = narrow ? "I" : "";
        mv.visitLdcInsn(lane);
        if (narrow) {
            mv.visitLdcInsn(width(shape));
        }
        String scalarDescriptor = JvmTypes.descriptor(scalar);
        if (mnemonic.contains("replace_lane")) {
            call(LANES, "replaceLane", "(" + V + scalarDescriptor + "I" + widthParameter + ")" + V);
            return new FuncType(List.of(VecType.V128, scalar), List.of(VecType.V128));
        }
        String method = narrow ? (mnemonic.endsWith("_u") ? "extractLaneU" : "extractLaneS")
                : "extractLane" + shape.substring(0, 1).toUpperCase() + shape.substring(1, 3);
        call(LANES, method, "(" + V + "I" + widthParameter + ")" + scalarDescriptor);
        return new FuncType(List.of(VecType.V128), List.of(scalar));
    }

    /**
     * A load or store, whole or by lane ({@code lane} is -1 for whole ones). An offset past 2^31
     * can never be in bounds of a Java array, so such an access traps, as in {@code MemoryAccess}.
     */
    private FuncType memory(Opcode op, long offset, int memorySlot, int lane) {
        String name = op.mnemonic().substring(op.mnemonic().indexOf('.') + 1);
        boolean store = name.startsWith("store");
        boolean takesVector = store || lane >= 0;
        FuncType signature = !takesVector ? LOAD : store ? STORE : LOAD_LANE;
        if (offset > Integer.MAX_VALUE) {
            if (takesVector) {
                mv.visitInsn(POP);
            }
            mv.visitInsn(POP);
            call(MEMORY_ACCESS, "outOfBounds", "()Ldev/arabica/runtime/Trap;");
            mv.visitInsn(ATHROW);
            return signature;
        }
        mv.visitVarInsn(ALOAD, memorySlot);
        mv.visitLdcInsn((int) offset);
        String laneParameter = "";
        if (lane >= 0) {
            mv.visitLdcInsn(lane);
            laneParameter = "I";
        }
        String operands = takesVector ? "(I" + V + "[BI" + laneParameter + ")" : "(I[BI)";
        call(MEMORY, camelCase(name), operands + (store ? "V" : V));
        return signature;
    }

    private void call(String owner, String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
    }

    private static int width(String shape) {
        return Integer.parseInt(shape.substring(1, shape.indexOf('x')));
    }

    /** {@code add_sat_s} is {@code addSatS}, {@code f32x4.demote_f64x2_zero} is {@code f32x4DemoteF64x2Zero}. */
    static String camelCase(String mnemonic) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : mnemonic.toCharArray()) {
            if (c == '_' || c == '.') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
