package dev.arabica.runtime.compiler;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.arabica.runtime.Instance;
import java.lang.management.ManagementFactory;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The epoch check of an engine's compiled code: an {@code invokedynamic} at function entries,
 * loop headers and after costly memory operations, whose target does nothing while no store of
 * the engine is past its deadline. The JIT inlines that nothing, so the check costs nothing. When a
 * deadline passes, the engine arms the switch: the target becomes a read of the store's flag, and
 * the JVM deoptimises the code that inlined the old target at its next safepoint poll, which every
 * loop has. Once no store is past its deadline, the switch is disarmed again, up to
 * {@link #MAX_DISARMS} times; an engine whose deadlines keep passing stays armed rather than have
 * its code recompiled without end.
 *
 * <p>A counted loop (an {@code int} counter against a limit) has safepoint polls only where the JVM
 * runs with {@code -XX:+UseCountedLoopSafepoints}, the default of G1, ZGC and Shenandoah. Under the
 * Parallel and Serial collectors, without it, a deoptimisation would wait for the loop to finish,
 * up to 2^31 iterations; there the switch stays armed from the start, so loops read the flag on
 * every iteration. See RATIONALE.md.
 */
public final class EpochSwitch {

    static final String BOOTSTRAP_DESCRIPTOR = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
    static final String CHECK_DESCRIPTOR = "(" + JvmTypes.INSTANCE_DESCRIPTOR + ")V";
    private static final int MAX_DISARMS = 64;
    private static final MethodType CHECK = MethodType.methodType(void.class, Instance.class);
    private static final MethodHandle NOTHING = MethodHandles.empty(CHECK);
    private static final MethodHandle READ_FLAG;

    static {
        try {
            READ_FLAG = MethodHandles.lookup().findStatic(EpochSwitch.class, "readFlag", CHECK);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MutableCallSite site;
    private final boolean pinned;
    private boolean armed;
    private int disarms;

    /** A switch disarmed if this JVM polls for safepoints in every loop, armed for good otherwise. */
    public EpochSwitch() {
        this(countedLoopsPollSafepoints());
    }

    EpochSwitch(boolean canDisarm) {
        pinned = !canDisarm;
        armed = pinned;
        site = new MutableCallSite(pinned ? READ_FLAG : NOTHING);
    }

    private static boolean countedLoopsPollSafepoints() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot != null && Boolean.parseBoolean(hotSpot.getVMOption("UseCountedLoopSafepoints").getValue());
        } catch (IllegalArgumentException | LinkageError e) {
            return false;
        }
    }

    /** Makes the engine's code read its store's flag at every check, from its next safepoint on. */
    public synchronized void arm() {
        if (!armed) {
            armed = true;
            retarget(READ_FLAG);
        }
    }

    /** Lets the engine's code skip its checks again, unless it has been disarmed too often. */
    public synchronized void disarm() {
        if (armed && !pinned && disarms < MAX_DISARMS) {
            armed = false;
            disarms++;
            retarget(NOTHING);
        }
    }

    public synchronized boolean armed() {
        return armed;
    }

    /** False where the switch is armed for good: this JVM lacks counted-loop safepoints, or it was disarmed too often. */
    public synchronized boolean disarmable() {
        return !pinned && disarms < MAX_DISARMS;
    }

    private void retarget(MethodHandle target) {
        site.setTarget(target);
        MutableCallSite.syncAll(new MutableCallSite[] {site});
    }

    /** The bootstrap of every epoch check: the call site of the engine that compiled the caller. */
    public static CallSite bootstrap(MethodHandles.Lookup caller, String name, MethodType type) {
        ModuleClassLoader loader = (ModuleClassLoader) caller.lookupClass().getClassLoader();
        return loader.epochSwitch().site;
    }

    private static void readFlag(Instance instance) {
        if (instance.epochFlag().expired) {
            instance.store().checkEpochDeadline();
        }
    }
}
