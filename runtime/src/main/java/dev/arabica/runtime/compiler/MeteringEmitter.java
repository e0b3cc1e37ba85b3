package dev.arabica.runtime.compiler;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits what keeps a compiled function in bounds: the call depth check, fuel charges, and epoch
 * checks, with the locals they use. Without fuel or epochs, nothing but the depth check is
 * emitted. See RATIONALE.md.
 */
final class MeteringEmitter {

    static final String FUEL_TANK = "dev/arabica/runtime/ops/FuelTank";
    private static final Handle EPOCH_BOOTSTRAP = new Handle(H_INVOKESTATIC,
            "dev/arabica/runtime/compiler/EpochSwitch", "bootstrap", EpochSwitch.BOOTSTRAP_DESCRIPTOR, false);

    private final MethodVisitor mv;
    private final ModuleLayout layout;
    /** The caller's call depth on entry, this function's after the check. */
    private int depthSlot;
    /** The fuel left, a parameter kept in a local, and the store's tank. */
    private int fuelSlot = -1;
    private int fuelTankSlot = -1;

    MeteringEmitter(MethodVisitor mv, ModuleLayout layout) {
        this.mv = mv;
        this.layout = layout;
    }

    boolean metersFuel() {
        return fuelSlot >= 0;
    }

    /**
     * Claims the depth and fuel parameters that follow the function's own at {@code slot}, and
     * checks the depth, before the try block: a call refused for depth never ran, so it has no
     * frame in the backtrace. Returns the next free slot.
     */
    int enter(int slot) {
        int next = enterRegion(slot);
        Label allowed = new Label();
        mv.visitIincInsn(depthSlot, 1);
        mv.visitVarInsn(ILOAD, depthSlot);
        mv.visitLdcInsn(layout.maxCallDepth());
        mv.visitJumpInsn(IF_ICMPLE, allowed);
        support("callStackExhausted", "()Ldev/arabica/runtime/Trap;");
        mv.visitInsn(ATHROW);
        mv.visitLabel(allowed);
        return next;
    }

    /**
     * Claims the depth and fuel parameters at {@code slot}. A region's method does only this: they
     * are its function's own, and a region is not a call, so the depth is not counted again.
     */
    int enterRegion(int slot) {
        depthSlot = slot++;
        if (layout.fuelCosts() != null) {
            fuelSlot = slot;
            slot += 2;
        }
        return slot;
    }

    /** Loads the fuel tank, before the try block so that its handler can put the fuel left back. */
    int loadFuelTank(int slot) {
        if (fuelSlot < 0) {
            return slot;
        }
        fuelTankSlot = slot;
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, JvmTypes.INSTANCE, "fuelTank", "()L" + FUEL_TANK + ";", false);
        mv.visitVarInsn(ASTORE, fuelTankSlot);
        return slot + 1;
    }

    /** Subtracts a run's cost from the fuel local; where the plan says so, traps once it is below zero. */
    void chargeFuel(long cost, boolean check) {
        if (check) {
            mv.visitVarInsn(LLOAD, fuelSlot);
            mv.visitLdcInsn(cost);
            mv.visitInsn(LSUB);
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, fuelSlot);
            support("checkFuel", "(J)V");
        } else if (cost > 0) {
            mv.visitVarInsn(LLOAD, fuelSlot);
            mv.visitLdcInsn(cost);
            mv.visitInsn(LSUB);
            mv.visitVarInsn(LSTORE, fuelSlot);
        }
    }

    /** Before a return: the fuel left goes back to the tank, where the caller finds it. */
    void storeFuel() {
        if (fuelSlot >= 0) {
            mv.visitVarInsn(ALOAD, fuelTankSlot);
            mv.visitVarInsn(LLOAD, fuelSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, FUEL_TANK, "set", "(J)V", false);
        }
    }

    /** After a call: the fuel the callee left in the tank. */
    void loadFuel() {
        if (fuelSlot >= 0) {
            mv.visitVarInsn(ALOAD, fuelTankSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, FUEL_TANK, "remaining", "()J", false);
            mv.visitVarInsn(LSTORE, fuelSlot);
        }
    }

    /** Pushes the depth and fuel arguments of a call to a compiled function. */
    void pushCallContext() {
        mv.visitVarInsn(ILOAD, depthSlot);
        if (fuelSlot >= 0) {
            mv.visitVarInsn(LLOAD, fuelSlot);
            markFuelHeldByCallee();
        }
    }

    /** Before a call that leaves compiled code: depth to the machine, fuel to the tank. */
    void beforeHandleCall() {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, depthSlot);
        support("setCallDepth", "(" + JvmTypes.INSTANCE_DESCRIPTOR + "I)V");
        if (fuelSlot >= 0) {
            storeFuel();
            markFuelHeldByCallee();
        }
    }

    /** In the trap handler, with the trap on the stack: the fuel local goes back to the tank. */
    void keepFuelOnTrap() {
        if (fuelSlot >= 0) {
            mv.visitVarInsn(ALOAD, fuelTankSlot);
            mv.visitVarInsn(LLOAD, fuelSlot);
            support("keepFuel", "(L" + FUEL_TANK + ";J)V");
        }
    }

    /**
     * Once the fuel is handed to a callee (as an argument, or in the tank), the local is marked,
     * so that a trap in the callee does not put back a stale amount (see {@link CompiledSupport#keepFuel}).
     */
    private void markFuelHeldByCallee() {
        mv.visitLdcInsn(CompiledSupport.FUEL_HELD_BY_CALLEE);
        mv.visitVarInsn(LSTORE, fuelSlot);
    }

    /**
     * The epoch check: at the entry of functions that call, at loop headers, and after the
     * operations whose cost grows with their operands ({@code memory.grow}, {@code fill},
     * {@code copy}). It is an {@code invokedynamic} that does nothing until a deadline passes
     * (see {@link EpochSwitch}).
     */
    void checkEpoch() {
        if (layout.checksEpoch()) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitInvokeDynamicInsn("checkEpoch", EpochSwitch.CHECK_DESCRIPTOR, EPOCH_BOOTSTRAP);
        }
    }

    private void support(String name, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, FunctionCompiler.SUPPORT, name, descriptor, false);
    }
}
