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
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A host function given as a lambda of any functional interface whose method speaks in Java types
 * that map to WebAssembly ones: {@code int} i32, {@code long} i64, {@code float} f32, {@code double}
 * f64, {@link V128} v128, {@link Func} funcref, {@link Object} externref; a first parameter of type
 * {@link Caller} receives the caller; the return type is {@code void} or one of those types.
 */
final class TypedHostFunction implements HostFunction {

    private static final Map<Class<?>, ValType> TYPES = Map.of(
            int.class, NumType.I32, long.class, NumType.I64, float.class, NumType.F32, double.class, NumType.F64,
            V128.class, VecType.V128, Func.class, RefType.FUNCREF, Object.class, RefType.EXTERNREF);

    private static final MethodHandle NEW_CALLER;

    static {
        try {
            NEW_CALLER = MethodHandles.lookup().findConstructor(Caller.class,
                    MethodType.methodType(void.class, Store.class, Instance.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FuncType type;
    private final boolean takesCaller;
    private final MethodHandle target;
    private final MethodHandle direct;

    private TypedHostFunction(FuncType type, boolean takesCaller, MethodHandle target, MethodHandle direct) {
        this.type = type;
        this.takesCaller = takesCaller;
        this.target = target;
        this.direct = direct;
    }

    static <F> TypedHostFunction of(Class<F> shape, F body) {
        Method method = singleAbstractMethod(shape);
        Class<?>[] javaParams = method.getParameterTypes();
        boolean takesCaller = javaParams.length > 0 && javaParams[0] == Caller.class;
        List<ValType> params = new ArrayList<>();
        for (int i = takesCaller ? 1 : 0; i < javaParams.length; i++) {
            params.add(valType(method, javaParams[i]));
        }
        List<ValType> results = method.getReturnType() == void.class ? List.of() : List.of(valType(method, method.getReturnType()));
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(method).bindTo(body);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot call " + method + " as a host function: " + e.getMessage(), e);
        }
        MethodHandle spread = handle.asSpreader(Object[].class, javaParams.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        return new TypedHostFunction(new FuncType(params, results), takesCaller, spread, handle);
    }

    FuncType type() {
        return type;
    }

    /**
     * The lambda as compiled code calls functions, {@code (Instance caller, params...) result}: no
     * boxing, and a {@link Caller} made only if the lambda takes one.
     */
    MethodHandle compiledShape(Store store, MethodType shape) {
        MethodHandle withInstance = takesCaller
                ? MethodHandles.filterArguments(direct, 0, NEW_CALLER.bindTo(store))
                : MethodHandles.dropArguments(direct, 0, Instance.class);
        return withInstance.asType(shape);
    }

    @Override
    public Value[] apply(Caller caller, Value[] args) {
        int offset = takesCaller ? 1 : 0;
        Object[] javaArgs = new Object[args.length + offset];
        if (takesCaller) {
            javaArgs[0] = caller;
        }
        for (int i = 0; i < args.length; i++) {
            javaArgs[i + offset] = toJava(args[i]);
        }
        Object result;
        try {
            result = (Object) target.invokeExact(javaArgs);
        } catch (Throwable t) {
            throw TypedHostFunction.<RuntimeException>rethrow(t);
        }
        return type.results().isEmpty() ? new Value[0] : new Value[] {toWasm(result, type.results().get(0))};
    }

    private static Object toJava(Value value) {
        ValType type = value.type();
        if (type instanceof RefType) {
            return value.ref();
        } else if (type == VecType.V128) {
            return value.asV128();
        }
        return switch ((NumType) type) {
            case I32 -> value.asInt();
            case I64 -> value.asLong();
            case F32 -> value.asFloat();
            case F64 -> value.asDouble();
        };
    }

    private static Value toWasm(Object result, ValType type) {
        if (type instanceof RefType ref) {
            return Value.ref(ref, result);
        } else if (type == VecType.V128) {
            return Value.v128((V128) result);
        }
        return switch ((NumType) type) {
            case I32 -> Value.i32((Integer) result);
            case I64 -> Value.i64((Long) result);
            case F32 -> Value.f32((Float) result);
            case F64 -> Value.f64((Double) result);
        };
    }

    private static Method singleAbstractMethod(Class<?> shape) {
        if (!shape.isInterface()) {
            throw new IllegalArgumentException(shape.getName() + " is not an interface");
        }
        List<Method> abstracts = Arrays.stream(shape.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m))
                .toList();
        if (abstracts.size() != 1) {
            throw new IllegalArgumentException(shape.getName() + " is not a functional interface: it has "
                    + abstracts.size() + " abstract methods");
        }
        return abstracts.get(0);
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static ValType valType(Method method, Class<?> javaType) {
        ValType type = TYPES.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException(method + " uses " + javaType.getName()
                    + ", which has no WebAssembly type (use int, long, float, double, V128, Func or Object)");
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }
}
