package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.util.List;
import java.util.Locale;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits local access for a function split into regions: its locals live in two arrays (see
 * {@link dev.arabica.runtime.ops.LocalFrame}) that the function's method allocates and passes to
 * each region's method, so that a region call passes two references instead of every local it
 * uses, and hands nothing back. After the locals, the arrays have room for the values a branch
 * out of a region carries back to its caller. See RATIONALE.md.
 */
final class FrameLocals {

    static final String ARRAYS_DESCRIPTOR = "[J[Ljava/lang/Object;";
    private static final String FRAME = "dev/arabica/runtime/ops/LocalFrame";

    private final MethodVisitor mv;
    private final List<ValType> types;
    /** Each local's entry in its array. */
    private final int[] index;
    /** The entries of the locals, where carried values begin. */
    private final int numbers;
    private final int references;
    /** The most values a branch carries. */
    private final int carried;
    private int numbersSlot;
    private int referencesSlot;

    FrameLocals(MethodVisitor mv, List<ValType> types, int carried) {
        this.mv = mv;
        this.carried = carried;
        this.types = types;
        this.index = entries(types, 0, 0);
        this.references = (int) types.stream().filter(type -> type instanceof RefType).count();
        this.numbers = types.stream().filter(type -> !(type instanceof RefType))
                .mapToInt(type -> type == VecType.V128 ? 2 : 1).sum();
    }

    /**
     * In the function's method: allocates the arrays into the two slots from {@code slot} and
     * copies the parameters, which are in {@code paramSlots}, into them. Returns the next free slot.
     */
    int allocate(int slot, List<Integer> paramSlots) {
        numbersSlot = slot;
        referencesSlot = slot + 1;
        // A carried v128 takes two entries.
        pushInt(numbers + 2 * carried);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, numbersSlot);
        pushInt(references + carried);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        mv.visitVarInsn(ASTORE, referencesSlot);
        for (int i = 0; i < paramSlots.size(); i++) {
            mv.visitVarInsn(JvmTypes.load(types.get(i)), paramSlots.get(i));
            store(i);
        }
        return slot + 2;
    }

    /** In a region's method: the arrays are its arguments in the two slots from {@code slot}. Returns the next free slot. */
    int receive(int slot) {
        numbersSlot = slot;
        referencesSlot = slot + 1;
        return slot + 2;
    }

    /** Pushes both arrays, for a region call. */
    void pushArrays() {
        mv.visitVarInsn(ALOAD, numbersSlot);
        mv.visitVarInsn(ALOAD, referencesSlot);
    }

    /** The most values any label of a function's body carries: its results, or a block's params or results. */
    static int carriedRoom(ModuleLayout layout, FuncType type, List<Instruction> instructions) {
        int room = type.results().size();
        for (Instruction instruction : instructions) {
            if (instruction instanceof Instruction.Block block) {
                room = Math.max(room, Math.max(layout.blockParams(block.type()).size(),
                        layout.blockResults(block.type()).size()));
            }
        }
        return room;
    }

    int carriedRoom() {
        return carried;
    }

    /** Stores the values on top of the stack, the last on top, where {@link #loadCarried} finds them. */
    void storeCarried(List<ValType> values) {
        int[] entries = carriedEntries(values);
        for (int i = values.size() - 1; i >= 0; i--) {
            store(values.get(i), entries[i]);
        }
    }

    /** Pushes the values {@link #storeCarried} left. */
    void loadCarried(List<ValType> values) {
        int[] entries = carriedEntries(values);
        for (int i = 0; i < values.size(); i++) {
            load(values.get(i), entries[i]);
        }
    }

    private int[] carriedEntries(List<ValType> values) {
        return entries(values, numbers, references);
    }

    /** Entries for values of these types, numbers from {@code nextNumber} (a v128 takes two), references from {@code nextReference}. */
    private static int[] entries(List<ValType> types, int nextNumber, int nextReference) {
        int[] entries = new int[types.size()];
        for (int i = 0; i < entries.length; i++) {
            ValType type = types.get(i);
            if (type instanceof RefType) {
                entries[i] = nextReference++;
            } else {
                entries[i] = nextNumber;
                nextNumber += type == VecType.V128 ? 2 : 1;
            }
        }
        return entries;
    }

    void load(int local) {
        load(types.get(local), index[local]);
    }

    /** Stores the value on top of the stack. */
    void store(int local) {
        store(types.get(local), index[local]);
    }

    /**
     * Pushes an entry, read in place but for a {@code v128}: as many bytes of bytecode as a call,
     * and C1 compiles large split methods without running out of registers (see RATIONALE.md).
     */
    private void load(ValType type, int entry) {
        arrayAndIndex(type, entry);
        if (type instanceof RefType) {
            mv.visitInsn(AALOAD);
        } else if (type == VecType.V128) {
            mv.visitMethodInsn(INVOKESTATIC, FRAME, type.text(), "([JI)" + JvmTypes.descriptor(type), false);
        } else {
            mv.visitInsn(LALOAD);
            if (type == NumType.I32 || type == NumType.F32) {
                mv.visitInsn(L2I);
            }
            if (type == NumType.F32) {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
            } else if (type == NumType.F64) {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
            }
        }
    }

    private void store(ValType type, int entry) {
        arrayAndIndex(type, entry);
        if (type instanceof RefType) {
            mv.visitMethodInsn(INVOKESTATIC, FRAME, "setRef", "(Ljava/lang/Object;[Ljava/lang/Object;I)V", false);
        } else {
            String setter = "set" + type.text().toUpperCase(Locale.ROOT);
            mv.visitMethodInsn(INVOKESTATIC, FRAME, setter, "(" + JvmTypes.descriptor(type) + "[JI)V", false);
        }
    }

    private void arrayAndIndex(ValType type, int entry) {
        mv.visitVarInsn(ALOAD, type instanceof RefType ? referencesSlot : numbersSlot);
        pushInt(entry);
    }

    private void pushInt(int value) {
        JvmTypes.pushInt(mv, value);
    }
}
