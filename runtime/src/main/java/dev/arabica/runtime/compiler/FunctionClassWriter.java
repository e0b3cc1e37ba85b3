package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.Function;
import dev.arabica.format.model.Instruction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the class of one compiled function: its method and, when that passes the size limit, the
 * methods of the regions moved out of it (and out of those, in turn). See RATIONALE.md.
 */
final class FunctionClassWriter {

    /**
     * Splitting gives up once its trial compilations have covered the function this many times, so
     * that a statement that cannot shrink, deep inside nested blocks, is not peeled one block per
     * trial. The real programs at hand need two; a 16-byte limit, which splits nearly every run of
     * statements, needs more.
     */
    private static final int TRIAL_BUDGET = 16;
    /**
     * Compiled code takes about this many bytes per instruction or more (Lua's largest function
     * takes 3.4, dlmalloc's malloc 2.4): a function with more instructions than the limit over this
     * is split without first being compiled whole. At 3, malloc (7,699 bytes whole) was split under
     * an 8,000-byte limit.
     */
    private static final int MIN_BYTES_PER_INSTRUCTION = 2;

    private final ModuleLayout layout;
    private final int function;
    private final Function code;
    private final MethodSizeLimit limit;
    private int wholeSize;
    private long trialInstructions;

    private FunctionClassWriter(ModuleLayout layout, int function, MethodSizeLimit limit) {
        this.layout = layout;
        this.function = function;
        this.code = layout.compiled().module().functions().get(function - layout.importedFunctions());
        this.limit = limit;
    }

    /**
     * The class file of function {@code function}: its method whole, unless that passes the limit
     * and regions can make each method fit the limit's split method size at a bounded cost.
     * Throws ASM's MethodTooLargeException when a method still passes the JVM's 64 KiB.
     */
    static byte[] write(ModuleLayout layout, int function, MethodSizeLimit limit) {
        return new FunctionClassWriter(layout, function, limit).write();
    }

    private byte[] write() {
        boolean surelyTooLarge = limit.passedBy((long) code.body().instructions().size() * MIN_BYTES_PER_INSTRUCTION);
        boolean unsplittable = hasTableTooLargeForAnyMethod();
        if (!surelyTooLarge || unsplittable) {
            ClassWriter whole = writeWhole();
            if (!limit.passedBy(wholeSize) || unsplittable) {
                return whole.toByteArray();
            }
        }
        try {
            return writeSplit();
        } catch (SplitTooCostly costly) {
            return writeWhole().toByteArray();
        }
    }

    private ClassWriter writeWhole() {
        ClassWriter whole = classWriter();
        wholeSize = compile(whole, null, Map.of(), region -> { }, null, false).codeSize();
        whole.visitEnd();
        return whole;
    }

    /**
     * The class with regions moved out of every method over the limit; its locals live in arrays
     * that all its methods share.
     */
    private byte[] writeSplit() {
        ClassWriter writer = classWriter();
        Deque<RegionScope> pending = new ArrayDeque<>();
        compile(writer, null, plan(null), pending::add, null, true);
        while (!pending.isEmpty()) {
            RegionScope scope = pending.poll();
            compile(writer, scope, plan(scope), pending::add, null, true);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * The regions to move out of the function's method (or a region's, given its scope): none if
     * it fits the limit, which a trial compilation measures.
     */
    private Map<Integer, Region> plan(RegionScope scope) {
        int methodBytes = limit.splitMethodBytes();
        if (scope != null && scope.region().bytes() <= methodBytes / 2) {
            // The planner cut it to half the limit: calls and exits add far less than the other half.
            return Map.of();
        }
        int start = scope == null ? 0 : scope.region().start();
        int end = scope == null ? code.body().instructions().size() : scope.region().end();
        trialInstructions += end - start;
        if (trialInstructions > TRIAL_BUDGET * (long) code.body().instructions().size()) {
            throw new SplitTooCostly();
        }
        SizeProfile profile = new SizeProfile(start, end);
        if (compile(classWriter(), scope, Map.of(), region -> { }, profile, true).codeSize() <= methodBytes) {
            return Map.of();
        }
        return RegionPlanner.plan(profile, methodBytes, code.body().instructions());
    }

    /** A {@code br_table}'s switch takes four bytes per target: one of over 16,000 fits no method, split or not. */
    private boolean hasTableTooLargeForAnyMethod() {
        for (Instruction instruction : code.body().instructions()) {
            if (instruction instanceof Instruction.BrTable table && table.labels().length > 16_000) {
                return true;
            }
        }
        return false;
    }

    private FunctionCompiler compile(ClassWriter writer, RegionScope scope, Map<Integer, Region> plan,
            Consumer<RegionScope> regions, SizeProfile profile, boolean localsInArrays) {
        MethodVisitor method = scope == null
                ? writer.visitMethod(ACC_PUBLIC | ACC_STATIC, ModuleLayout.methodName(function),
                        layout.compiledDescriptor(function), null, null)
                : writer.visitMethod(ACC_PRIVATE | ACC_STATIC, scope.region().methodName(), scope.descriptor(), null,
                        null);
        FunctionCompiler compiler = new FunctionCompiler(layout, function, method, scope, plan, regions, profile,
                localsInArrays);
        compiler.compile(code);
        return compiler;
    }

    private ClassWriter classWriter() {
        // The FrameWriter gives each method's frames and maximum sizes.
        ClassWriter writer = new ClassWriter(0);
        writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, ModuleLayout.className(function), null,
                "java/lang/Object", null);
        return writer;
    }

    /** Splitting the function would take more trial compilations than it is worth. */
    private static final class SplitTooCostly extends RuntimeException {
        SplitTooCostly() {
            super(null, null, false, false);
        }
    }
}
