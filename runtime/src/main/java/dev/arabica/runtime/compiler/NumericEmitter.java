package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.Opcode;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits the scalar numeric operators. Where the JVM instruction has WebAssembly's semantics it is
 * used directly; otherwise a static helper of {@code runtime.ops} or of the JDK is called, small
 * enough for the JIT to inline.
 */
final class NumericEmitter {

    private static final String MATH = "dev/arabica/runtime/ops/WasmMath";
    private static final String CONVERSIONS = "dev/arabica/runtime/ops/Conversions";

    private final MethodVisitor mv;

    NumericEmitter(MethodVisitor mv) {
        this.mv = mv;
    }

    /** Emits {@code op}; false if it is not a scalar numeric operator. */
    boolean emit(Opcode op) {
        int jump = comparison(op);
        if (jump != NOP) {
            bool(jump);
            return true;
        }
        switch (op) {
            case I32_CLZ -> call("java/lang/Integer", "numberOfLeadingZeros", "(I)I");
            case I32_CTZ -> call("java/lang/Integer", "numberOfTrailingZeros", "(I)I");
            case I32_POPCNT -> call("java/lang/Integer", "bitCount", "(I)I");
            case I32_ADD -> mv.visitInsn(IADD);
            case I32_SUB -> mv.visitInsn(ISUB);
            case I32_MUL -> mv.visitInsn(IMUL);
            case I32_DIV_S -> call(MATH, "i32DivS", "(II)I");
            case I32_DIV_U -> call(MATH, "i32DivU", "(II)I");
            case I32_REM_S -> call(MATH, "i32RemS", "(II)I");
            case I32_REM_U -> call(MATH, "i32RemU", "(II)I");
            case I32_AND -> mv.visitInsn(IAND);
            case I32_OR -> mv.visitInsn(IOR);
            case I32_XOR -> mv.visitInsn(IXOR);
            case I32_SHL -> mv.visitInsn(ISHL);
            case I32_SHR_S -> mv.visitInsn(ISHR);
            case I32_SHR_U -> mv.visitInsn(IUSHR);
            case I32_ROTL -> call("java/lang/Integer", "rotateLeft", "(II)I");
            case I32_ROTR -> call("java/lang/Integer", "rotateRight", "(II)I");
            case I64_CLZ -> longCount("numberOfLeadingZeros");
            case I64_CTZ -> longCount("numberOfTrailingZeros");
            case I64_POPCNT -> longCount("bitCount");
            case I64_ADD -> mv.visitInsn(LADD);
            case I64_SUB -> mv.visitInsn(LSUB);
            case I64_MUL -> mv.visitInsn(LMUL);
            case I64_DIV_S -> call(MATH, "i64DivS", "(JJ)J");
            case I64_DIV_U -> call(MATH, "i64DivU", "(JJ)J");
            case I64_REM_S -> call(MATH, "i64RemS", "(JJ)J");
            case I64_REM_U -> call(MATH, "i64RemU", "(JJ)J");
            case I64_AND -> mv.visitInsn(LAND);
            case I64_OR -> mv.visitInsn(LOR);
            case I64_XOR -> mv.visitInsn(LXOR);
            case I64_SHL -> shiftLong(LSHL);
            case I64_SHR_S -> shiftLong(LSHR);
            case I64_SHR_U -> shiftLong(LUSHR);
            case I64_ROTL -> {
                mv.visitInsn(L2I);
                call("java/lang/Long", "rotateLeft", "(JI)J");
            }
            case I64_ROTR -> {
                mv.visitInsn(L2I);
                call("java/lang/Long", "rotateRight", "(JI)J");
            }
            case F32_ABS -> call(MATH, "f32Abs", "(F)F");
            case F32_NEG -> call(MATH, "f32Neg", "(F)F");
            case F32_CEIL -> call(MATH, "f32Ceil", "(F)F");
            case F32_FLOOR -> call(MATH, "f32Floor", "(F)F");
            case F32_TRUNC -> call(MATH, "f32Trunc", "(F)F");
            case F32_NEAREST -> call(MATH, "f32Nearest", "(F)F");
            case F32_SQRT -> call(MATH, "f32Sqrt", "(F)F");
            case F32_ADD -> mv.visitInsn(FADD);
            case F32_SUB -> mv.visitInsn(FSUB);
            case F32_MUL -> mv.visitInsn(FMUL);
            case F32_DIV -> mv.visitInsn(FDIV);
            case F32_MIN -> call(MATH, "min", "(FF)F");
            case F32_MAX -> call(MATH, "max", "(FF)F");
            case F32_COPYSIGN -> call(MATH, "f32Copysign", "(FF)F");
            case F64_ABS -> call(MATH, "f64Abs", "(D)D");
            case F64_NEG -> call(MATH, "f64Neg", "(D)D");
            case F64_CEIL -> call(MATH, "f64Ceil", "(D)D");
            case F64_FLOOR -> call(MATH, "f64Floor", "(D)D");
            case F64_TRUNC -> call(MATH, "f64Trunc", "(D)D");
            case F64_NEAREST -> call(MATH, "f64Nearest", "(D)D");
            case F64_SQRT -> call(MATH, "f64Sqrt", "(D)D");
            case F64_ADD -> mv.visitInsn(DADD);
            case F64_SUB -> mv.visitInsn(DSUB);
            case F64_MUL -> mv.visitInsn(DMUL);
            case F64_DIV -> mv.visitInsn(DDIV);
            case F64_MIN -> call(MATH, "min", "(DD)D");
            case F64_MAX -> call(MATH, "max", "(DD)D");
            case F64_COPYSIGN -> call(MATH, "f64Copysign", "(DD)D");
            case I32_WRAP_I64 -> mv.visitInsn(L2I);
            case I32_TRUNC_F32_S -> truncate(F2D, "i32TruncS", true);
            case I32_TRUNC_F32_U -> truncate(F2D, "i32TruncU", true);
            case I32_TRUNC_F64_S -> truncate(NOP, "i32TruncS", true);
            case I32_TRUNC_F64_U -> truncate(NOP, "i32TruncU", true);
            case I64_EXTEND_I32_S -> mv.visitInsn(I2L);
            case I64_EXTEND_I32_U -> call("java/lang/Integer", "toUnsignedLong", "(I)J");
            case I64_TRUNC_F32_S -> truncate(F2D, "i64TruncS", false);
            case I64_TRUNC_F32_U -> truncate(F2D, "i64TruncU", false);
            case I64_TRUNC_F64_S -> truncate(NOP, "i64TruncS", false);
            case I64_TRUNC_F64_U -> truncate(NOP, "i64TruncU", false);
            case F32_CONVERT_I32_S -> mv.visitInsn(I2F);
            case F32_CONVERT_I32_U -> {
                call("java/lang/Integer", "toUnsignedLong", "(I)J");
                mv.visitInsn(L2F);
            }
            case F32_CONVERT_I64_S -> mv.visitInsn(L2F);
            case F32_CONVERT_I64_U -> call(CONVERSIONS, "u64ToF32", "(J)F");
            case F32_DEMOTE_F64 -> call(MATH, "f32Demote", "(D)F");
            case F64_CONVERT_I32_S -> mv.visitInsn(I2D);
            case F64_CONVERT_I32_U -> {
                call("java/lang/Integer", "toUnsignedLong", "(I)J");
                mv.visitInsn(L2D);
            }
            case F64_CONVERT_I64_S -> mv.visitInsn(L2D);
            case F64_CONVERT_I64_U -> call(CONVERSIONS, "u64ToF64", "(J)D");
            case F64_PROMOTE_F32 -> call(MATH, "f64Promote", "(F)D");
            case I32_REINTERPRET_F32 -> call("java/lang/Float", "floatToRawIntBits", "(F)I");
            case I64_REINTERPRET_F64 -> call("java/lang/Double", "doubleToRawLongBits", "(D)J");
            case F32_REINTERPRET_I32 -> call("java/lang/Float", "intBitsToFloat", "(I)F");
            case F64_REINTERPRET_I64 -> call("java/lang/Double", "longBitsToDouble", "(J)D");
            case I32_EXTEND8_S -> mv.visitInsn(I2B);
            case I32_EXTEND16_S -> mv.visitInsn(I2S);
            case I64_EXTEND8_S -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2B);
                mv.visitInsn(I2L);
            }
            case I64_EXTEND16_S -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2S);
                mv.visitInsn(I2L);
            }
            case I64_EXTEND32_S -> {
                mv.visitInsn(L2I);
                mv.visitInsn(I2L);
            }
            case I32_TRUNC_SAT_F32_S -> mv.visitInsn(F2I);
            case I32_TRUNC_SAT_F32_U -> truncate(F2D, "i32TruncSatU", true);
            case I32_TRUNC_SAT_F64_S -> mv.visitInsn(D2I);
            case I32_TRUNC_SAT_F64_U -> truncate(NOP, "i32TruncSatU", true);
            case I64_TRUNC_SAT_F32_S -> mv.visitInsn(F2L);
            case I64_TRUNC_SAT_F32_U -> truncate(F2D, "i64TruncSatU", false);
            case I64_TRUNC_SAT_F64_S -> mv.visitInsn(D2L);
            case I64_TRUNC_SAT_F64_U -> truncate(NOP, "i64TruncSatU", false);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void call(String owner, String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
    }

    /**
     * For a comparison: emits what reduces its operands to one jump, and returns the JVM jump taken
     * when the comparison holds; for any other operator, emits nothing and returns {@code NOP}.
     */
    int comparison(Opcode op) {
        return switch (op) {
            case I32_EQZ -> IFEQ;
            case I32_EQ -> IF_ICMPEQ;
            case I32_NE -> IF_ICMPNE;
            case I32_LT_S -> IF_ICMPLT;
            case I32_GT_S -> IF_ICMPGT;
            case I32_LE_S -> IF_ICMPLE;
            case I32_GE_S -> IF_ICMPGE;
            case I32_LT_U -> unsignedInt(IFLT);
            case I32_GT_U -> unsignedInt(IFGT);
            case I32_LE_U -> unsignedInt(IFLE);
            case I32_GE_U -> unsignedInt(IFGE);
            case I64_EQZ -> {
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                yield IFEQ;
            }
            case I64_EQ -> compareLong(IFEQ, false);
            case I64_NE -> compareLong(IFNE, false);
            case I64_LT_S -> compareLong(IFLT, false);
            case I64_GT_S -> compareLong(IFGT, false);
            case I64_LE_S -> compareLong(IFLE, false);
            case I64_GE_S -> compareLong(IFGE, false);
            case I64_LT_U -> compareLong(IFLT, true);
            case I64_GT_U -> compareLong(IFGT, true);
            case I64_LE_U -> compareLong(IFLE, true);
            case I64_GE_U -> compareLong(IFGE, true);
            case F32_EQ -> compareFloat(FCMPL, IFEQ);
            case F32_NE -> compareFloat(FCMPL, IFNE);
            case F32_LT -> compareFloat(FCMPG, IFLT);
            case F32_GT -> compareFloat(FCMPL, IFGT);
            case F32_LE -> compareFloat(FCMPG, IFLE);
            case F32_GE -> compareFloat(FCMPL, IFGE);
            case F64_EQ -> compareFloat(DCMPL, IFEQ);
            case F64_NE -> compareFloat(DCMPL, IFNE);
            case F64_LT -> compareFloat(DCMPG, IFLT);
            case F64_GT -> compareFloat(DCMPL, IFGT);
            case F64_LE -> compareFloat(DCMPG, IFLE);
            case F64_GE -> compareFloat(DCMPL, IFGE);
            default -> NOP;
        };
    }

    /** The jump taken exactly when {@code jump} is not, NaN included (the float compare already decided it). */
    static int negate(int jump) {
        return switch (jump) {
            case IFEQ -> IFNE;
            case IFNE -> IFEQ;
            case IFLT -> IFGE;
            case IFGE -> IFLT;
            case IFGT -> IFLE;
            case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE;
            case IF_ICMPNE -> IF_ICMPEQ;
            case IF_ICMPLT -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE;
            case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("no negation for jump " + jump);
        };
    }

    /** Pushes 1 if the jump condition holds on the compared operands, else 0. */
    void bool(int jump) {
        Label yes = new Label();
        Label done = new Label();
        mv.visitJumpInsn(jump, yes);
        mv.visitInsn(ICONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(ICONST_1);
        mv.visitLabel(done);
    }

    private int unsignedInt(int jump) {
        call("java/lang/Integer", "compareUnsigned", "(II)I");
        return jump;
    }

    private int compareLong(int jump, boolean unsigned) {
        if (unsigned) {
            call("java/lang/Long", "compareUnsigned", "(JJ)I");
        } else {
            mv.visitInsn(LCMP);
        }
        return jump;
    }

    /** NaN makes every comparison but {@code ne} false: FCMPL gives -1 and FCMPG 1 for it, chosen per jump. */
    private int compareFloat(int compare, int jump) {
        mv.visitInsn(compare);
        return jump;
    }

    private void longCount(String name) {
        call("java/lang/Long", name, "(J)I");
        mv.visitInsn(I2L);
    }

    private void shiftLong(int shift) {
        mv.visitInsn(L2I);
        mv.visitInsn(shift);
    }

    private void truncate(int widen, String name, boolean toInt) {
        if (widen != NOP) {
            mv.visitInsn(widen);
        }
        call(CONVERSIONS, name, "(D)J");
        if (toInt) {
            mv.visitInsn(L2I);
        }
    }

}
