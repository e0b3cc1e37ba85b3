package dev.arabica.runtime.compiler;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * What a trial compilation of a method learned about each instruction: where its bytecode
 * starts, whether the instruction begins a statement (reachable, nothing of its block on the
 * operand stack), and which block body it belongs to. {@link RegionPlanner} cuts regions along it.
 * The labels go to the method writer itself, not to the {@link FrameWriter}, so that they add no
 * stack map frames.
 */
final class SizeProfile {

    private final int start;
    private final Label[] labels;
    private final boolean[] statementStart;
    private final int[] body;

    SizeProfile(int start, int end) {
        this.start = start;
        int count = end - start + 1;
        labels = new Label[count];
        statementStart = new boolean[count];
        body = new int[count];
    }

    /** Records the state before instruction {@code index}, or at {@code end} after the last one. */
    void record(MethodVisitor mv, int index, boolean startsStatement, int blockBody) {
        Label label = new Label();
        mv.visitLabel(label);
        labels[index - start] = label;
        statementStart[index - start] = startsStatement;
        body[index - start] = blockBody;
    }

    int start() {
        return start;
    }

    int end() {
        return start + labels.length - 1;
    }

    /** Bytecode bytes from the start of instruction {@code from} to the start of {@code to}. */
    int size(int from, int to) {
        return labels[to - start].getOffset() - labels[from - start].getOffset();
    }

    boolean startsStatement(int index) {
        return statementStart[index - start];
    }

    int blockBody(int index) {
        return body[index - start];
    }
}
