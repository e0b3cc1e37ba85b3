package dev.arabica.runtime.compiler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A module's compiled functions: for each function index that compiles, a static method of type
 * {@code (Instance, params...) result}, generated on first use; the others run in the interpreter.
 */
public final class CompiledCode {

    private final ModuleClassLoader loader;
    private final ModuleLayout layout;
    private final BitSet compiled;
    private final AtomicReferenceArray<MethodHandle> methods;

    CompiledCode(ModuleClassLoader loader, ModuleLayout layout, BitSet compiled) {
        this.loader = loader;
        this.layout = layout;
        this.compiled = compiled;
        this.methods = new AtomicReferenceArray<>(compiled.length());
    }

    public boolean isCompiled(int function) {
        return compiled.get(function);
    }

    /** The function's method, generating its class if no call has yet. */
    public MethodHandle method(int function) {
        MethodHandle method = methods.get(function);
        if (method == null) {
            method = lookUp(function);
            methods.compareAndSet(function, null, method);
        }
        return method;
    }

    private MethodHandle lookUp(int function) {
        try {
            Class<?> generated = generatedClass(function);
            MethodType type = MethodType.fromMethodDescriptorString(
                    layout.compiledDescriptor(function), ModuleCompiler.class.getClassLoader());
            return MethodHandles.publicLookup().findStatic(generated, ModuleLayout.methodName(function), type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the code generated for function " + function + " could not be loaded", e);
        }
    }

    /** The class generated for the function, generating it if no call has yet. */
    Class<?> generatedClass(int function) throws ClassNotFoundException {
        return loader.loadClass(ModuleLayout.className(function).replace('/', '.'));
    }
}
