package dev.arabica.runtime.compiler;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * When the compiler splits a function, and how large it makes the split function's methods: an
 * engine's explicit limit, or one chosen for the JVM it runs on. See RATIONALE.md.
 */
public final class MethodSizeLimit {

    /** HotSpot compiles no method with more bytes of bytecode than this unless told to. */
    static final int JIT_LIMIT = 8_000;
    /**
     * Up to this size, a JVM that compiles huge methods runs a function faster as one method than
     * split, with its locals in arrays; its compilers give up on methods a few times larger.
     */
    static final int HUGE_METHOD_LIMIT = 24_000;

    /** Zero when the limit is chosen for the JVM. */
    private final int explicit;

    private MethodSizeLimit(int explicit) {
        this.explicit = explicit;
    }

    /** A limit of {@code bytes} for every method. */
    public static MethodSizeLimit of(int bytes) {
        if (bytes < 1 || bytes > 65_535) {
            throw new IllegalArgumentException("the compiled method limit must be 1 to 65,535 bytes: " + bytes);
        }
        return new MethodSizeLimit(bytes);
    }

    /**
     * {@link #JIT_LIMIT}, or {@link #HUGE_METHOD_LIMIT} on a JVM run with
     * {@code -XX:-DontCompileHugeMethods}, whose JIT compiles methods past {@link #JIT_LIMIT}.
     */
    public static MethodSizeLimit forThisJvm() {
        return new MethodSizeLimit(0);
    }

    /** The size past which a function's method is split. */
    int splitAbove() {
        return explicit != 0 ? explicit : Jvm.COMPILES_HUGE_METHODS ? HUGE_METHOD_LIMIT : JIT_LIMIT;
    }

    /**
     * Whether a method of {@code bytes} is to be split. Below {@link #JIT_LIMIT} only an explicit
     * limit can say so, so start-up does not load the management classes that ask the JVM.
     */
    boolean passedBy(long bytes) {
        return explicit != 0 ? bytes > explicit : bytes > JIT_LIMIT && bytes > splitAbove();
    }

    /** The most bytes each method of a split function is planned to hold. */
    int splitMethodBytes() {
        return Math.min(splitAbove(), JIT_LIMIT);
    }

    private static final class Jvm {
        static final boolean COMPILES_HUGE_METHODS = compilesHugeMethods();

        private static boolean compilesHugeMethods() {
            try {
                HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                return hotSpot != null && "false".equals(hotSpot.getVMOption("DontCompileHugeMethods").getValue());
            } catch (IllegalArgumentException | UnsupportedOperationException | SecurityException | LinkageError
                    notHotSpotOrNoManagement) {
                // Another JVM, or a runtime image without jdk.management: assume HotSpot's default.
                return false;
            }
        }
    }
}
