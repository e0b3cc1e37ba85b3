package dev.arabica.runtime;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.V128;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Makes any function callable from compiled code with JVM-typed arguments, by boxing them onto
 * the machine's slot stack: the path for host functions, interpreted functions and imports.
 */
final class SlotCallAdapter {

    private static final MethodHandle INVOKE_BOXED;

    static {
        try {
            INVOKE_BOXED = MethodHandles.lookup().findVirtual(Func.class, "invokeBoxed",
                    MethodType.methodType(Object.class, Instance.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SlotCallAdapter() {
    }

    static MethodHandle adapt(Func func) {
        FuncType type = func.type();
        return INVOKE_BOXED.bindTo(func)
                .asCollector(Object[].class, type.params().size())
                .asType(methodType(type));
    }

    /** The JVM method type of a function as compiled code calls it, the calling instance first. */
    static MethodType methodType(FuncType type) {
        Class<?>[] params = new Class<?>[type.params().size() + 1];
        params[0] = Instance.class;
        for (int i = 0; i < type.params().size(); i++) {
            params[i + 1] = javaType(type.params().get(i));
        }
        Class<?> result = switch (type.results().size()) {
            case 0 -> void.class;
            case 1 -> javaType(type.results().get(0));
            default -> Object[].class;
        };
        return MethodType.methodType(result, params);
    }

    static Class<?> javaType(ValType type) {
        if (type instanceof RefType) {
            return Object.class;
        }
        if (type == VecType.V128) {
            return V128.class;
        }
        if (type instanceof NumType n) {
            return switch (n) {
                case I32 -> int.class;
                case I64 -> long.class;
                case F32 -> float.class;
                case F64 -> double.class;
            };
        }
        throw new IllegalArgumentException("compiled code does not pass " + type + " values");
    }

    static Value unbox(Object boxed, ValType type) {
        if (type instanceof RefType ref) {
            return Value.ref(ref, boxed);
        }
        if (type == VecType.V128) {
            return Value.v128((V128) boxed);
        }
        return switch ((NumType) type) {
            case I32 -> Value.i32((Integer) boxed);
            case I64 -> Value.i64((Long) boxed);
            case F32 -> Value.f32Bits(Float.floatToRawIntBits((Float) boxed));
            case F64 -> Value.f64Bits(Double.doubleToRawLongBits((Double) boxed));
        };
    }

    static Object box(Value value) {
        if (value.type() instanceof RefType) {
            return value.ref();
        }
        if (value.type() == VecType.V128) {
            return value.asV128();
        }
        return switch ((NumType) value.type()) {
            case I32 -> value.asInt();
            case I64 -> value.asLong();
            case F32 -> value.asFloat();
            case F64 -> value.asDouble();
        };
    }
}
