package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import org.objectweb.asm.MethodVisitor;

/** How WebAssembly values are held in JVM locals and on the JVM stack. */
final class JvmTypes {

    static final String INSTANCE = "dev/arabica/runtime/Instance";
    static final String INSTANCE_DESCRIPTOR = "L" + INSTANCE + ";";
    /** A v128 is an immutable {@code V128}, the type host functions and the API use too. */
    static final String V128 = "dev/arabica/format/model/V128";
    static final String V128_DESCRIPTOR = "L" + V128 + ";";

    private JvmTypes() {
    }

    static String descriptor(ValType type) {
        if (type instanceof RefType) {
            return "Ljava/lang/Object;";
        }
        if (type == VecType.V128) {
            return V128_DESCRIPTOR;
        }
        return switch ((NumType) type) {
            case I32 -> "I";
            case I64 -> "J";
            case F32 -> "F";
            case F64 -> "D";
        };
    }

    /** {@code (Instance, params...) result}, or {@code Object[]} for several results. */
    static String methodDescriptor(FuncType type) {
        StringBuilder descriptor = new StringBuilder("(").append(INSTANCE_DESCRIPTOR);
        type.params().forEach(param -> descriptor.append(descriptor(param)));
        descriptor.append(')');
        descriptor.append(switch (type.results().size()) {
            case 0 -> "V";
            case 1 -> descriptor(type.results().get(0));
            default -> "[Ljava/lang/Object;";
        });
        return descriptor.toString();
    }

    /**
     * The descriptor of a compiled function's method: the public shape with the caller's call
     * depth appended, which the method counts and checks on entry, and, when the engine meters
     * fuel, the fuel left.
     */
    static String compiledDescriptor(FuncType type, boolean fuel) {
        String descriptor = methodDescriptor(type);
        int close = descriptor.indexOf(')');
        return descriptor.substring(0, close) + (fuel ? "IJ" : "I") + descriptor.substring(close);
    }

    static int size(ValType type) {
        return type == NumType.I64 || type == NumType.F64 ? 2 : 1;
    }

    static int load(ValType type) {
        return opcode(type, ILOAD, LLOAD, FLOAD, DLOAD, ALOAD);
    }

    static int store(ValType type) {
        return opcode(type, ISTORE, LSTORE, FSTORE, DSTORE, ASTORE);
    }

    static int returns(ValType type) {
        return opcode(type, IRETURN, LRETURN, FRETURN, DRETURN, ARETURN);
    }

    static int pop(ValType type) {
        return size(type) == 2 ? POP2 : POP;
    }

    /** References and vectors are both objects. */
    private static int opcode(ValType type, int i32, int i64, int f32, int f64, int object) {
        if (!(type instanceof NumType)) {
            return object;
        }
        return switch ((NumType) type) {
            case I32 -> i32;
            case I64 -> i64;
            case F32 -> f32;
            case F64 -> f64;
        };
    }

    /** Pushes the zero value of a type. */
    /** Pushes an int constant; small ones have their own instructions, which keep the constant pool small. */
    static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value == (byte) value) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value == (short) value) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    static void pushZero(MethodVisitor mv, ValType type) {
        if (type == VecType.V128) {
            mv.visitFieldInsn(GETSTATIC, V128, "ZERO", V128_DESCRIPTOR);
        } else {
            mv.visitInsn(opcode(type, ICONST_0, LCONST_0, FCONST_0, DCONST_0, ACONST_NULL));
        }
    }

    /** The box class and its unboxing method, for values carried in an {@code Object[]}; null for objects. */
    static String[] box(ValType type) {
        if (!(type instanceof NumType)) {
            return null;
        }
        return switch ((NumType) type) {
            case I32 -> new String[] {"java/lang/Integer", "intValue", "I"};
            case I64 -> new String[] {"java/lang/Long", "longValue", "J"};
            case F32 -> new String[] {"java/lang/Float", "floatValue", "F"};
            case F64 -> new String[] {"java/lang/Double", "doubleValue", "D"};
        };
    }
}
