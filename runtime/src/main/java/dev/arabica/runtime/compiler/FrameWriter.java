package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Writes the stack map frames and maximum sizes of a method as it is emitted, so that ASM need
 * not compute them (its COMPUTE_FRAMES analyses the whole method again, merging types at every
 * block, and was most of the generation time). It follows the JVM type of every stack value and
 * local through each instruction, the way the verifier will, and writes a frame at the first
 * instruction after each label: the types that forward jumps carried there, merged with those of
 * the code that falls into it. Emitters need not know about frames; what they must keep to:
 * <ul>
 *   <li>A backward jump may only go to a label whose frame was written when the code fell into it,
 *       so it must carry the same types. To that end, a local holds the type of its first store
 *       (a null counts as {@code Object}), and a label that no jump has yet reached gets the
 *       stack's references as {@code Object} (a loop header is such a label), but for the exact
 *       types given to the constructor, whose values a back edge brings with the same type.</li>
 *   <li>{@link #releaseLocalsFrom} ends the locals that hold values only within one operation, so
 *       that they are not in the frames of later labels (a loop's back edge may hold other types
 *       there).</li>
 *   <li>A handler sees the locals as they are when its try block is visited; within the block,
 *       those locals keep their types.</li>
 *   <li>Code that nothing reaches (after an unconditional jump, at a label that no jump reached)
 *       has no frame and must not be emitted: {@link #reachable()} tells.</li>
 * </ul>
 * Uninitialized objects are not tracked: no label may come between a {@code new} and its constructor call.
 */
final class FrameWriter extends MethodVisitor {

    private static final String OBJECT = "java/lang/Object";

    /** The types that jumps carry to a label not yet visited. */
    private static final class Incoming {
        Object[] locals;
        int localCount;
        Object[] stack;
        int stackSize;
        boolean visited;
    }

    private final Map<Label, Incoming> labels = new IdentityHashMap<>();
    private final Set<String> exactTypes;
    private Object[] locals = new Object[16];
    private int localCount;
    private Object[] stack = new Object[16];
    private int stackSize;
    private int stackSlots;
    private int maxStack;
    private int maxLocals;
    private boolean reachable = true;
    /** A label was visited since the last instruction: a frame goes before the next one. */
    private boolean framePending;
    /** A label visited since the last instruction had no jump to it yet: it may be a loop header. */
    private boolean mayBeLoopHeader;
    private Object[] frameLocals = new Object[16];
    private Object[] frameStack = new Object[16];

    /**
     * A frame writer for a static method with this descriptor, in front of {@code next};
     * {@code exactTypes} are the reference types that loop headers need not widen to {@code Object}.
     */
    FrameWriter(MethodVisitor next, String descriptor, String... exactTypes) {
        super(ASM9, next);
        this.exactTypes = Set.of(exactTypes);
        int index = 1;
        while (descriptor.charAt(index) != ')') {
            int end = typeEnd(descriptor, index);
            setLocal(localCount, type(descriptor, index, end));
            index = end;
        }
        maxLocals = localCount;
    }

    /** False after an unconditional jump, until a label that some jump reaches. */
    boolean reachable() {
        return reachable;
    }

    /** Forgets the locals from {@code slot} on: their values are dead, and the slots may take other types. */
    void releaseLocalsFrom(int slot) {
        if (localCount > slot) {
            Arrays.fill(locals, slot, localCount, null);
            localCount = slot;
        }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        Incoming incoming = incoming(handler);
        incoming.locals = Arrays.copyOf(locals, localCount);
        incoming.localCount = localCount;
        incoming.stack = new Object[] {type == null ? "java/lang/Throwable" : type};
        incoming.stackSize = 1;
        super.visitTryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLabel(Label label) {
        Incoming incoming = labels.get(label);
        if (incoming == null) {
            incoming = new Incoming();
            labels.put(label, incoming);
        }
        incoming.visited = true;
        if (incoming.stack == null) {
            mayBeLoopHeader |= reachable;
        } else if (reachable) {
            merge(incoming);
        } else {
            locals = ensure(locals, incoming.localCount);
            System.arraycopy(incoming.locals, 0, locals, 0, incoming.localCount);
            Arrays.fill(locals, incoming.localCount, locals.length, null);
            localCount = incoming.localCount;
            stack = ensure(stack, incoming.stackSize);
            System.arraycopy(incoming.stack, 0, stack, 0, incoming.stackSize);
            stackSize = incoming.stackSize;
            stackSlots = slots(stack, stackSize);
            reachable = true;
        }
        incoming.locals = null;
        incoming.stack = null;
        framePending |= reachable;
        super.visitLabel(label);
    }

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction();
        super.visitInsn(opcode);
        switch (opcode) {
            case NOP -> {
            }
            case ACONST_NULL -> push(NULL);
            case ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5 -> push(INTEGER);
            case LCONST_0, LCONST_1 -> push(LONG);
            case FCONST_0, FCONST_1, FCONST_2 -> push(FLOAT);
            case DCONST_0, DCONST_1 -> push(DOUBLE);
            case IALOAD, BALOAD, CALOAD, SALOAD -> popPush(2, INTEGER);
            case LALOAD -> popPush(2, LONG);
            case FALOAD -> popPush(2, FLOAT);
            case DALOAD -> popPush(2, DOUBLE);
            case AALOAD -> {
                pop();
                Object array = pop();
                push(array instanceof String name && name.startsWith("[") ? elementType(name) : NULL);
            }
            case IASTORE, LASTORE, FASTORE, DASTORE, AASTORE, BASTORE, CASTORE, SASTORE -> pop(3);
            case POP -> pop();
            case POP2 -> popSlots(2);
            case DUP -> duplicate(1, 0);
            case DUP_X1 -> duplicate(1, 1);
            case DUP_X2 -> duplicate(1, 2);
            case DUP2 -> duplicate(2, 0);
            case DUP2_X1 -> duplicate(2, 1);
            case DUP2_X2 -> duplicate(2, 2);
            case SWAP -> {
                Object top = pop();
                Object under = pop();
                push(top);
                push(under);
            }
            case INEG, FNEG, LNEG, DNEG, I2B, I2C, I2S -> {
            }
            case I2L, F2L, D2L -> popPush(1, LONG);
            case I2F, L2F, D2F -> popPush(1, FLOAT);
            case I2D, L2D, F2D -> popPush(1, DOUBLE);
            case L2I, F2I, D2I, ARRAYLENGTH -> popPush(1, INTEGER);
            case LCMP, FCMPL, FCMPG, DCMPL, DCMPG -> popPush(2, INTEGER);
            case IRETURN, LRETURN, FRETURN, DRETURN, ARETURN, RETURN, ATHROW -> endOfFlow();
            case MONITORENTER, MONITOREXIT -> pop();
            default -> {
                if (opcode >= IADD && opcode <= LXOR) {
                    binaryArithmetic(opcode);
                } else {
                    throw new IllegalArgumentException("FrameWriter does not know opcode " + opcode);
                }
            }
        }
    }

    /** IADD to DREM cycle through int, long, float, double; the shifts and bitwise ones through int and long. */
    private void binaryArithmetic(int opcode) {
        Object result;
        if (opcode <= DREM) {
            result = switch ((opcode - IADD) % 4) {
                case 0 -> INTEGER;
                case 1 -> LONG;
                case 2 -> FLOAT;
                default -> DOUBLE;
            };
        } else {
            result = (opcode - ISHL) % 2 == 0 ? INTEGER : LONG;
        }
        popPush(2, result);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
        super.visitIntInsn(opcode, operand);
        if (opcode == NEWARRAY) {
            popPush(1, switch (operand) {
                case T_BOOLEAN -> "[Z";
                case T_CHAR -> "[C";
                case T_FLOAT -> "[F";
                case T_DOUBLE -> "[D";
                case T_BYTE -> "[B";
                case T_SHORT -> "[S";
                case T_INT -> "[I";
                default -> "[J";
            });
        } else {
            push(INTEGER);
        }
    }

    @Override
    public void visitVarInsn(int opcode, int slot) {
        beforeInstruction();
        super.visitVarInsn(opcode, slot);
        switch (opcode) {
            case ILOAD -> push(INTEGER);
            case LLOAD -> push(LONG);
            case FLOAD -> push(FLOAT);
            case DLOAD -> push(DOUBLE);
            case ALOAD -> push(slot < localCount && locals[slot] != null ? locals[slot] : NULL);
            case ISTORE, LSTORE, FSTORE, DSTORE, ASTORE -> store(slot, pop());
            default -> throw new IllegalArgumentException("FrameWriter does not know opcode " + opcode);
        }
    }

    @Override
    public void visitIincInsn(int slot, int increment) {
        beforeInstruction();
        super.visitIincInsn(slot, increment);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        beforeInstruction();
        super.visitTypeInsn(opcode, type);
        switch (opcode) {
            case NEW -> push(type);
            case ANEWARRAY -> popPush(1, type.startsWith("[") ? "[" + type : "[L" + type + ";");
            case CHECKCAST -> popPush(1, type);
            case INSTANCEOF -> popPush(1, INTEGER);
            default -> throw new IllegalArgumentException("FrameWriter does not know opcode " + opcode);
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction();
        super.visitFieldInsn(opcode, owner, name, descriptor);
        Object type = type(descriptor, 0, descriptor.length());
        switch (opcode) {
            case GETSTATIC -> push(type);
            case PUTSTATIC -> pop();
            case GETFIELD -> popPush(1, type);
            default -> pop(2);
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        invoke(descriptor, opcode != INVOKESTATIC);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrap,
            Object... arguments) {
        beforeInstruction();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        invoke(descriptor, false);
    }

    private void invoke(String descriptor, boolean hasReceiver) {
        int index = 1;
        int arguments = 0;
        while (descriptor.charAt(index) != ')') {
            index = typeEnd(descriptor, index);
            arguments++;
        }
        pop(arguments + (hasReceiver ? 1 : 0));
        if (descriptor.charAt(index + 1) != 'V') {
            push(type(descriptor, index + 1, descriptor.length()));
        }
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction();
        super.visitJumpInsn(opcode, label);
        switch (opcode) {
            case GOTO -> {
            }
            case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE, IF_ACMPEQ, IF_ACMPNE -> pop(2);
            case JSR -> throw new IllegalArgumentException("FrameWriter does not take jsr");
            default -> pop();
        }
        jumpTo(label);
        if (opcode == GOTO) {
            endOfFlow();
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction();
        super.visitLdcInsn(value);
        if (value instanceof Integer) {
            push(INTEGER);
        } else if (value instanceof Long) {
            push(LONG);
        } else if (value instanceof Float) {
            push(FLOAT);
        } else if (value instanceof Double) {
            push(DOUBLE);
        } else if (value instanceof String) {
            push("java/lang/String");
        } else if (value instanceof org.objectweb.asm.Type type) {
            push(type.getSort() == org.objectweb.asm.Type.METHOD ? "java/lang/invoke/MethodType" : "java/lang/Class");
        } else if (value instanceof org.objectweb.asm.Handle) {
            push("java/lang/invoke/MethodHandle");
        } else {
            String descriptor = ((org.objectweb.asm.ConstantDynamic) value).getDescriptor();
            push(type(descriptor, 0, descriptor.length()));
        }
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label otherwise, Label... targets) {
        beforeInstruction();
        super.visitTableSwitchInsn(min, max, otherwise, targets);
        switchTo(otherwise, targets);
    }

    @Override
    public void visitLookupSwitchInsn(Label otherwise, int[] keys, Label[] targets) {
        beforeInstruction();
        super.visitLookupSwitchInsn(otherwise, keys, targets);
        switchTo(otherwise, targets);
    }

    private void switchTo(Label otherwise, Label[] targets) {
        pop();
        jumpTo(otherwise);
        for (Label target : targets) {
            jumpTo(target);
        }
        endOfFlow();
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        beforeInstruction();
        super.visitMultiANewArrayInsn(descriptor, dimensions);
        popPush(dimensions, descriptor);
    }

    @Override
    public void visitMaxs(int ignoredStack, int ignoredLocals) {
        super.visitMaxs(maxStack, maxLocals);
    }

    private void beforeInstruction() {
        if (!reachable) {
            throw new IllegalStateException("code that no jump reaches has no stack map frame; do not emit it");
        }
        if (framePending) {
            writeFrame();
        }
    }

    /** The frame of the labels just visited: the current types, references widened where a back edge may come. */
    private void writeFrame() {
        framePending = false;
        int count = 0;
        for (int slot = 0; slot < localCount; slot++) {
            Object type = locals[slot] == null ? TOP : locals[slot];
            frameLocals = ensure(frameLocals, count + 1);
            frameLocals[count++] = type;
            if (type == LONG || type == DOUBLE) {
                slot++;
            }
        }
        while (count > 0 && frameLocals[count - 1] == TOP) {
            count--;
        }
        frameStack = ensure(frameStack, stackSize);
        for (int i = 0; i < stackSize; i++) {
            if (stack[i] == NULL || (mayBeLoopHeader && stack[i] instanceof String type && !exactTypes.contains(type))) {
                stack[i] = OBJECT;
            }
            frameStack[i] = stack[i];
        }
        mayBeLoopHeader = false;
        super.visitFrame(F_NEW, count, frameLocals, stackSize, frameStack);
    }

    private void jumpTo(Label label) {
        Incoming incoming = incoming(label);
        if (incoming.visited) {
            return;
        }
        if (incoming.stack == null) {
            incoming.locals = Arrays.copyOf(locals, localCount);
            incoming.localCount = localCount;
            incoming.stack = Arrays.copyOf(stack, stackSize);
            incoming.stackSize = stackSize;
        } else {
            int common = Math.min(incoming.localCount, localCount);
            for (int slot = 0; slot < common; slot++) {
                if (!sameType(incoming.locals[slot], locals[slot])) {
                    incoming.locals[slot] = null;
                }
            }
            incoming.localCount = common;
            mergeStack(incoming.stack, incoming.stackSize, stack, stackSize);
        }
    }

    /** Merges what jumps carried to a label into the types of the code that falls into it. */
    private void merge(Incoming incoming) {
        int common = Math.min(incoming.localCount, localCount);
        for (int slot = 0; slot < common; slot++) {
            if (!sameType(incoming.locals[slot], locals[slot])) {
                locals[slot] = null;
            }
        }
        releaseLocalsFrom(common);
        mergeStack(stack, stackSize, incoming.stack, incoming.stackSize);
    }

    private static void mergeStack(Object[] into, int intoSize, Object[] other, int otherSize) {
        if (intoSize != otherSize) {
            throw new IllegalStateException("jumps bring " + intoSize + " and " + otherSize + " values to one label");
        }
        for (int i = 0; i < intoSize; i++) {
            if (!sameType(into[i], other[i])) {
                if (!(into[i] instanceof String || into[i] == NULL) || !(other[i] instanceof String || other[i] == NULL)) {
                    throw new IllegalStateException("jumps bring " + into[i] + " and " + other[i] + " to one label");
                }
                into[i] = into[i] == NULL ? other[i] : other[i] == NULL ? into[i] : OBJECT;
            }
        }
    }

    private static boolean sameType(Object first, Object second) {
        return first == second || (first != null && first.equals(second));
    }

    private Incoming incoming(Label label) {
        Incoming incoming = labels.get(label);
        if (incoming == null) {
            incoming = new Incoming();
            labels.put(label, incoming);
        }
        return incoming;
    }

    private void endOfFlow() {
        reachable = false;
        stackSize = 0;
        stackSlots = 0;
    }

    /** A local keeps the type of its first store, so that all paths agree on it. */
    private void store(int slot, Object type) {
        Object kept = slot < localCount ? locals[slot] : null;
        boolean sameKind = kept != null && (kept instanceof String ? type instanceof String || type == NULL : kept == type);
        setLocal(slot, sameKind ? kept : type == NULL ? OBJECT : type);
    }

    private void setLocal(int slot, Object type) {
        int size = type == LONG || type == DOUBLE ? 2 : 1;
        locals = ensure(locals, slot + size);
        if (slot > 0 && (locals[slot - 1] == LONG || locals[slot - 1] == DOUBLE)) {
            locals[slot - 1] = null;
        }
        locals[slot] = type;
        if (size == 2) {
            locals[slot + 1] = TOP;
        } else if (slot + 1 < localCount && locals[slot + 1] == TOP) {
            locals[slot + 1] = null;
        }
        localCount = Math.max(localCount, slot + size);
        maxLocals = Math.max(maxLocals, slot + size);
    }

    private void push(Object type) {
        stack = ensure(stack, stackSize + 1);
        stack[stackSize++] = type;
        stackSlots += type == LONG || type == DOUBLE ? 2 : 1;
        maxStack = Math.max(maxStack, stackSlots);
    }

    private Object pop() {
        Object type = stack[--stackSize];
        stackSlots -= type == LONG || type == DOUBLE ? 2 : 1;
        return type;
    }

    private void pop(int count) {
        for (int i = 0; i < count; i++) {
            pop();
        }
    }

    private void popPush(int count, Object type) {
        pop(count);
        push(type);
    }

    private void popSlots(int slots) {
        while (slots > 0) {
            Object type = pop();
            slots -= type == LONG || type == DOUBLE ? 2 : 1;
        }
    }

    /** The DUP family: copies the values in the top {@code copied} slots under the {@code skipped} slots below them. */
    private void duplicate(int copied, int skipped) {
        int top = valuesIn(stackSize, copied);
        int under = valuesIn(stackSize - top, skipped);
        Object[] copies = Arrays.copyOfRange(stack, stackSize - top, stackSize);
        Object[] moved = Arrays.copyOfRange(stack, stackSize - top - under, stackSize);
        pop(top + under);
        for (Object type : copies) {
            push(type);
        }
        for (Object type : moved) {
            push(type);
        }
    }

    /** How many values, down from {@code end}, fill {@code slots} stack slots. */
    private int valuesIn(int end, int slots) {
        int values = 0;
        while (slots > 0) {
            Object type = stack[end - 1 - values++];
            slots -= type == LONG || type == DOUBLE ? 2 : 1;
        }
        return values;
    }

    private static int slots(Object[] types, int count) {
        int slots = 0;
        for (int i = 0; i < count; i++) {
            slots += types[i] == LONG || types[i] == DOUBLE ? 2 : 1;
        }
        return slots;
    }

    private static Object elementType(String arrayType) {
        String element = arrayType.substring(1);
        return switch (element.charAt(0)) {
            case 'L' -> element.substring(1, element.length() - 1);
            case '[' -> element;
            case 'J' -> LONG;
            case 'F' -> FLOAT;
            case 'D' -> DOUBLE;
            default -> INTEGER;
        };
    }

    private static int typeEnd(String descriptor, int start) {
        int index = start;
        while (descriptor.charAt(index) == '[') {
            index++;
        }
        return descriptor.charAt(index) == 'L' ? descriptor.indexOf(';', index) + 1 : index + 1;
    }

    /** The verifier's type of the field descriptor at {@code [start, end)}. */
    private static Object type(String descriptor, int start, int end) {
        return switch (descriptor.charAt(start)) {
            case 'J' -> LONG;
            case 'F' -> FLOAT;
            case 'D' -> DOUBLE;
            case 'L' -> descriptor.substring(start + 1, end - 1);
            case '[' -> descriptor.substring(start, end);
            default -> INTEGER;
        };
    }

    private static Object[] ensure(Object[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }
}
