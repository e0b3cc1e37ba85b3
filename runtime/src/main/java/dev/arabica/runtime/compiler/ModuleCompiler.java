package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.Module;
import dev.arabica.runtime.CompiledModule;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles a module's functions into one hidden class of static methods. Functions the compiler
 * cannot take yet (those using v128) and those whose bytecode would exceed the JVM's 64 KiB method
 * limit are left to the interpreter; {@link CompiledCode} says which.
 */
public final class ModuleCompiler {

    private static final AtomicLong CLASS_COUNTER = new AtomicLong();

    private ModuleCompiler() {
    }

    public static CompiledCode compile(CompiledModule compiled) {
        Module module = compiled.module();
        int imported = module.imports(dev.arabica.format.model.ExternalKind.FUNC).size();
        BitSet compilable = new BitSet();
        for (int i = 0; i < module.functions().size(); i++) {
            if (compilable(compiled, module.functions().get(i))) {
                compilable.set(imported + i);
            }
        }
        String className = "dev/arabica/runtime/compiler/Wasm$" + CLASS_COUNTER.incrementAndGet();
        while (true) {
            ModuleLayout layout = new ModuleLayout(compiled, className, compilable);
            try {
                byte[] bytes = generate(layout, module, imported, compilable);
                return new CompiledCode(define(bytes, layout, compilable), compilable);
            } catch (MethodTooLargeException tooLarge) {
                compilable.clear(Integer.parseInt(tooLarge.getMethodName().substring(1)));
            }
        }
    }

    private static boolean compilable(CompiledModule compiled, Function function) {
        FuncType type = (FuncType) compiled.module().types().get(function.typeIndex()).compType();
        if (!JvmTypes.supported(type.params()) || !JvmTypes.supported(type.results())) {
            return false;
        }
        for (Locals locals : function.locals()) {
            if (!JvmTypes.supported(locals.type())) {
                return false;
            }
        }
        for (Instruction instruction : function.body().instructions()) {
            if (instruction.opcode().feature() == Feature.SIMD) {
                return false;
            }
            if (instruction instanceof Instruction.Block block && block.type() instanceof dev.arabica.format.model.BlockType.Value v
                    && !JvmTypes.supported(v.type())) {
                return false;
            }
        }
        return true;
    }

    private static byte[] generate(ModuleLayout layout, Module module, int imported, BitSet compilable) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return "java/lang/Object";
            }
        };
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, layout.className(), null, "java/lang/Object", null);
        for (int index = compilable.nextSetBit(0); index >= 0; index = compilable.nextSetBit(index + 1)) {
            MethodVisitor method = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, ModuleLayout.methodName(index),
                    JvmTypes.methodDescriptor(layout.functionType(index)), null, null);
            new FunctionCompiler(layout, index, method).compile(module.functions().get(index - imported));
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static MethodHandle[] define(byte[] bytes, ModuleLayout layout, BitSet compilable) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            Class<?> generated = lookup.lookupClass();
            MethodHandle[] handles = new MethodHandle[compilable.length()];
            for (int index = compilable.nextSetBit(0); index >= 0; index = compilable.nextSetBit(index + 1)) {
                MethodType type = MethodType.fromMethodDescriptorString(JvmTypes.methodDescriptor(layout.functionType(index)),
                        ModuleCompiler.class.getClassLoader());
                handles[index] = lookup.findStatic(generated, ModuleLayout.methodName(index), type);
            }
            return handles;
        } catch (IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("generated code could not be loaded", e);
        }
    }
}
