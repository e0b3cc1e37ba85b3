package dev.arabica.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * WebAssembly execution trapped. Carries the kind and a WebAssembly backtrace, innermost frame
 * first. The store that was running stays usable.
 */
public final class Trap extends RuntimeException {

    /** One WebAssembly frame: the function index, its name if the module names it, and the code offset (-1 if unknown). */
    public record Frame(int functionIndex, String name, int offset) {
        @Override
        public String toString() {
            String function = name != null ? name : "func[" + functionIndex + "]";
            return offset >= 0 ? function + " @ 0x" + Integer.toHexString(offset) : function;
        }
    }

    private final TrapKind kind;
    private final List<Frame> frames = new ArrayList<>();

    public Trap(TrapKind kind) {
        this(kind, kind.message());
    }

    public Trap(TrapKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public TrapKind kind() {
        return kind;
    }

    /** The WebAssembly frames that were active, innermost first. */
    public List<Frame> backtrace() {
        return Collections.unmodifiableList(frames);
    }

    /** Adds the frame of a function the trap unwinds through; called by the engines. */
    public void addFrame(Frame frame) {
        frames.add(frame);
    }

    /** The message followed by the backtrace, one frame a line. */
    public String describe() {
        StringBuilder text = new StringBuilder(getMessage());
        for (Frame frame : frames) {
            text.append("\n  at ").append(frame);
        }
        return text.toString();
    }
}
