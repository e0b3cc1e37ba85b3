package dev.arabica.format.binary;

import dev.arabica.format.model.Expr;

/** A function body left in the module's bytes: its instructions, up to the end of its code entry. */
final class EncodedBody implements Expr.Encoded {

    private final BinaryReader start;
    private final boolean hasDataCount;
    private final boolean multiMemory;

    EncodedBody(BinaryReader start, boolean hasDataCount, boolean multiMemory) {
        this.start = start;
        this.hasDataCount = hasDataCount;
        this.multiMemory = multiMemory;
    }

    InstructionReader reader() {
        return new BinaryInstructionReader(start.copy(), hasDataCount, multiMemory);
    }

    @Override
    public Expr decode() {
        BinaryReader in = start.copy();
        Expr expr = new InstructionDecoder(hasDataCount, multiMemory).expr(in);
        if (!in.atEnd()) {
            throw in.malformed("section size mismatch: junk after the end of a function");
        }
        return expr;
    }
}
