package dev.arabica.format.binary;

import dev.arabica.format.model.Expr;
import dev.arabica.format.model.Instruction;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes instruction sequences into flat {@link Expr}s, up to and including the {@code end} that
 * closes the sequence, recording each instruction's offset in the module.
 */
final class InstructionDecoder {

    private final boolean hasDataCount;
    private final boolean multiMemory;

    InstructionDecoder(boolean hasDataCount, boolean multiMemory) {
        this.hasDataCount = hasDataCount;
        this.multiMemory = multiMemory;
    }

    Expr expr(BinaryReader in) {
        InstructionReader reader = new BinaryInstructionReader(in, hasDataCount, multiMemory);
        Instruction[] instructions = new Instruction[16];
        int[] offsets = new int[16];
        int count = 0;
        do {
            reader.next();
            if (count == instructions.length) {
                instructions = Arrays.copyOf(instructions, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count] = reader.offset();
            instructions[count++] = reader.instruction();
        } while (!reader.finished());
        // List.of copies the array once; Expr keeps an immutable list as it is.
        return new Expr(List.of(Arrays.copyOf(instructions, count)), Arrays.copyOf(offsets, count));
    }
}
