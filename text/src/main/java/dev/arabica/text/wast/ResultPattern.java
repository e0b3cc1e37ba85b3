package dev.arabica.text.wast;

import dev.arabica.format.model.HeapType;
import dev.arabica.format.model.NumType;
import java.util.List;

/** What {@code assert_return} expects of one result. */
public sealed interface ResultPattern {

    record Exact(Value value) implements ResultPattern {
    }

    /** {@code nan:canonical} or {@code nan:arithmetic} of type f32 or f64. */
    record NanPattern(NumType type, boolean canonical) implements ResultPattern {
    }

    /** A v128 result checked lane by lane; lanes are {@code Exact} scalars or {@code NanPattern}s. */
    record V128Lanes(String shape, List<ResultPattern> lanes) implements ResultPattern {
        public V128Lanes {
            lanes = List.copyOf(lanes);
        }
    }

    /** A null reference; {@code type} null accepts any null. */
    record RefNullPattern(HeapType type) implements ResultPattern {
    }

    /**
     * A non-null reference of a kind: func, extern, host, struct, array, i31, eq, any, exn;
     * {@code payload} (for extern and host) may be null to accept any.
     */
    record RefPattern(String kind, Integer payload) implements ResultPattern {
    }

    /** Any one of the alternatives (relaxed SIMD results). */
    record Either(List<ResultPattern> alternatives) implements ResultPattern {
        public Either {
            alternatives = List.copyOf(alternatives);
        }
    }
}
