package dev.arabica.fuzz.generate;

import dev.arabica.format.model.Expr;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The instructions of one function body as they are generated, with the operand and control
 * stacks the validator will see. Every emitted instruction states what it pops and pushes, and a
 * mismatch throws at once: a generator bug shows where it happens, not as an invalid module later.
 */
final class CodeWriter {

    /** An open block, loop or if, or the function body itself (opcode null). */
    static final class Frame {
        final Opcode opcode;
        final List<ValType> params;
        final List<ValType> results;
        /** Operand stack height below the frame's own values. */
        final int height;
        /** After an unconditional branch the rest of the frame is dead and its stack is polymorphic. */
        boolean unreachable;
        boolean seenElse;

        Frame(Opcode opcode, List<ValType> params, List<ValType> results, int height) {
            this.opcode = opcode;
            this.params = List.copyOf(params);
            this.results = List.copyOf(results);
            this.height = height;
        }

        /** The types a branch to this frame's label carries: a loop's parameters, otherwise its results. */
        List<ValType> labelTypes() {
            return opcode == Opcode.LOOP ? params : results;
        }
    }

    private final List<Instruction> code = new ArrayList<>();
    private final List<ValType> stack = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();

    CodeWriter(List<ValType> functionResults) {
        frames.add(new Frame(null, List.of(), functionResults, 0));
    }

    int size() {
        return code.size();
    }

    /** The number of open frames, counting the function body. */
    int depth() {
        return frames.size();
    }

    /** The frame a branch with label {@code label} targets: 0 is the innermost. */
    Frame frame(int label) {
        return frames.get(frames.size() - 1 - label);
    }

    Frame current() {
        return frame(0);
    }

    /** The values the current frame has on the stack, bottom first. */
    List<ValType> operands() {
        return List.copyOf(stack.subList(current().height, stack.size()));
    }

    /** Whether the top of the stack holds {@code types}, counting the polymorphic bottom of dead code. */
    boolean canConsume(List<ValType> types) {
        List<ValType> operands = operands();
        int missing = types.size() - operands.size();
        if (missing > 0 && !current().unreachable) {
            return false;
        }
        for (int i = Math.max(missing, 0); i < types.size(); i++) {
            if (!types.get(i).equals(operands.get(operands.size() - types.size() + i))) {
                return false;
            }
        }
        return true;
    }

    /** The largest k such that the top k operands are {@code types[0..k)}, so an instruction taking {@code types} could use them. */
    int reusablePrefix(List<ValType> types) {
        List<ValType> operands = operands();
        for (int k = Math.min(types.size(), operands.size()); k > 0; k--) {
            if (operands.subList(operands.size() - k, operands.size()).equals(types.subList(0, k))) {
                return k;
            }
        }
        return 0;
    }

    void emit(Opcode plain, List<ValType> pops, List<ValType> pushes) {
        emit(Instruction.Plain.of(plain), pops, pushes);
    }

    void emit(Instruction instruction, List<ValType> pops, List<ValType> pushes) {
        pop(pops, instruction);
        code.add(instruction);
        stack.addAll(pushes);
    }

    /** Opens a block, loop or if; its parameters (and an if's condition, in {@code pops}) must be on the stack. */
    void open(Instruction.Block instruction, List<ValType> pops, List<ValType> params, List<ValType> results) {
        pop(pops, instruction);
        code.add(instruction);
        frames.add(new Frame(instruction.opcode(), params, results, stack.size()));
        stack.addAll(params);
    }

    void elseBranch() {
        Frame frame = current();
        if (frame.opcode != Opcode.IF || frame.seenElse) {
            throw bug("else outside an if");
        }
        checkExactly(frame.results, "else");
        code.add(Instruction.Plain.of(Opcode.ELSE));
        truncate(frame.height);
        stack.addAll(frame.params);
        frame.unreachable = false;
        frame.seenElse = true;
    }

    /** Ends the innermost block, loop or if; its results must be on the stack. */
    void close() {
        Frame frame = current();
        if (frame.opcode == null) {
            throw bug("close of the function body; use finish");
        }
        if (frame.opcode == Opcode.IF && !frame.seenElse && !frame.params.equals(frame.results)) {
            throw bug("if without else must not change the stack's types");
        }
        checkExactly(frame.results, "end");
        code.add(Instruction.Plain.of(Opcode.END));
        truncate(frame.height);
        frames.remove(frames.size() - 1);
        stack.addAll(frame.results);
    }

    /** Marks the rest of the current frame as dead code after an unconditional branch, trap or return. */
    void markUnreachable() {
        Frame frame = current();
        truncate(frame.height);
        frame.unreachable = true;
    }

    /** Ends the body; the function's results must be on the stack. */
    Expr finish() {
        if (frames.size() != 1) {
            throw bug(frames.size() - 1 + " frames still open");
        }
        checkExactly(current().results, "function end");
        code.add(Instruction.Plain.of(Opcode.END));
        return Expr.of(code);
    }

    private void pop(List<ValType> types, Instruction instruction) {
        if (!canConsume(types)) {
            throw bug(instruction + " needs " + types + " but the stack holds " + operands());
        }
        truncate(Math.max(stack.size() - types.size(), current().height));
    }

    /** The frame's operands must be exactly {@code types}, or, in dead code, a suffix of them. */
    private void checkExactly(List<ValType> types, String where) {
        List<ValType> operands = operands();
        boolean matches = current().unreachable
                ? operands.size() <= types.size() && canConsume(types)
                : operands.equals(types);
        if (!matches) {
            throw bug(where + " expects " + types + " but the stack holds " + operands);
        }
    }

    private void truncate(int height) {
        stack.subList(height, stack.size()).clear();
    }

    private static IllegalStateException bug(String message) {
        return new IllegalStateException("generator bug: " + message);
    }
}
