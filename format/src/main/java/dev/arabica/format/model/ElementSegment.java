package dev.arabica.format.model;

import java.util.List;

/**
 * An element segment. Every initializer is kept as a constant expression; the decoder turns the
 * function-index encodings into {@code ref.func} expressions, so the model does not depend on
 * which of the eight binary encodings was used.
 */
public record ElementSegment(SegmentMode mode, RefType type, List<Expr> init) {

    public ElementSegment {
        init = List.copyOf(init);
    }
}
