package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.ValType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * Defines one class per compiled function, each generated when the JVM first needs it: when a
 * call to it first runs, or when its method handle is first asked for. See RATIONALE.md.
 */
final class ModuleClassLoader extends ClassLoader {

    static final String PACKAGE = "dev.arabica.generated.";
    static final String PACKAGE_PATH = PACKAGE.replace('.', '/');

    static {
        registerAsParallelCapable();
    }

    private final ModuleLayout layout;

    ModuleClassLoader(ModuleLayout layout) {
        super("wasm-module", ModuleClassLoader.class.getClassLoader());
        this.layout = layout;
    }

    /** The epoch switch of the engine that compiled this module, which its epoch checks call. */
    EpochSwitch epochSwitch() {
        return layout.compiled().engine().epochSwitch();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            return loaded != null ? loaded : findClass(name);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        int function = functionIndex(name);
        if (function < 0 || !layout.isCompiled(function)) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = generate(function);
        return defineClass(name, bytes, 0, bytes.length);
    }

    private static int functionIndex(String name) {
        if (!name.startsWith(PACKAGE + "F")) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(PACKAGE.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The function's class; one whose method would pass the JVM's 64 KiB limit calls the interpreter instead. */
    private byte[] generate(int function) {
        try {
            return writeClass(function, false);
        } catch (MethodTooLargeException tooLarge) {
            return writeClass(function, true);
        }
    }

    private byte[] writeClass(int function, boolean interpreted) {
        if (!interpreted) {
            return FunctionClassWriter.write(layout, function, layout.compiled().engine().compiledMethodLimit());
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, ModuleLayout.className(function), null,
                "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, ModuleLayout.methodName(function),
                layout.compiledDescriptor(function), null, null);
        writeInterpreterCall(method, function, layout.functionType(function), layout.fuelCosts() != null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * A method that hands its arguments to the interpreter's version of the function, which counts
     * the call depth from the machine and spends fuel from the tank.
     */
    private static void writeInterpreterCall(MethodVisitor method, int function, FuncType type, boolean fuel) {
        method.visitCode();
        int depthSlot = 1;
        for (ValType param : type.params()) {
            depthSlot += JvmTypes.size(param);
        }
        method.visitVarInsn(ALOAD, 0);
        method.visitVarInsn(ILOAD, depthSlot);
        method.visitMethodInsn(INVOKESTATIC, FunctionCompiler.SUPPORT, "setCallDepth",
                "(" + JvmTypes.INSTANCE_DESCRIPTOR + "I)V", false);
        if (fuel) {
            method.visitVarInsn(ALOAD, 0);
            method.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.INSTANCE, "fuelTank", "()L" + MeteringEmitter.FUEL_TANK + ";",
                    false);
            method.visitVarInsn(LLOAD, depthSlot + 1);
            method.visitMethodInsn(INVOKEVIRTUAL, MeteringEmitter.FUEL_TANK, "set", "(J)V", false);
        }
        method.visitVarInsn(ALOAD, 0);
        method.visitLdcInsn(function);
        method.visitMethodInsn(INVOKESTATIC, FunctionCompiler.SUPPORT, "interpreted",
                "(" + JvmTypes.INSTANCE_DESCRIPTOR + "I)L" + FunctionCompiler.FUNC + ";", false);
        method.visitMethodInsn(INVOKEVIRTUAL, FunctionCompiler.FUNC, "handle", "()L" + FunctionCompiler.HANDLE + ";",
                false);
        method.visitVarInsn(ALOAD, 0);
        int slot = 1;
        for (ValType param : type.params()) {
            method.visitVarInsn(JvmTypes.load(param), slot);
            slot += JvmTypes.size(param);
        }
        method.visitMethodInsn(INVOKEVIRTUAL, FunctionCompiler.HANDLE, "invokeExact", JvmTypes.methodDescriptor(type),
                false);
        method.visitInsn(type.results().isEmpty() ? RETURN
                : type.results().size() > 1 ? ARETURN : JvmTypes.returns(type.results().get(0)));
        method.visitMaxs(0, 0);
        method.visitEnd();
    }
}
