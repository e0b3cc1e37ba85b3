package dev.arabica.format.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Language features, by the proposal that introduced them. Opcodes and type constructs name the
 * feature they need, so that a validator can accept exactly the features an engine supports.
 */
public enum Feature {
    MVP("mvp", true),
    SIGN_EXTENSION("sign-extension operators", true),
    NONTRAPPING_FLOAT_TO_INT("non-trapping float-to-int conversions", true),
    MULTI_VALUE("multi-value", true),
    BULK_MEMORY("bulk memory", true),
    REFERENCE_TYPES("reference types", true),
    SIMD("fixed-width SIMD", true),
    TAIL_CALL("tail calls", false),
    EXCEPTIONS("exception handling", false),
    LEGACY_EXCEPTIONS("legacy exception handling", false),
    FUNCTION_REFERENCES("typed function references", false),
    GC("garbage collection", false),
    MULTI_MEMORY("multiple memories", false),
    MEMORY64("memory64", false),
    EXTENDED_CONST("extended constant expressions", false),
    RELAXED_SIMD("relaxed SIMD", false),
    THREADS("threads", false),
    WIDE_ARITHMETIC("wide arithmetic", false),
    CUSTOM_PAGE_SIZES("custom page sizes", false),
    CUSTOM_DESCRIPTORS("custom descriptors", false);

    private final String proposal;
    private final boolean inWasm2;

    Feature(String proposal, boolean inWasm2) {
        this.proposal = proposal;
        this.inWasm2 = inWasm2;
    }

    /** The proposal's name as people know it, for messages such as "not supported yet: tail calls". */
    public String proposal() {
        return proposal;
    }

    /** The features of WebAssembly 2.0. */
    public static Set<Feature> wasm2() {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (Feature feature : values()) {
            if (feature.inWasm2) {
                features.add(feature);
            }
        }
        return Set.copyOf(features);
    }

    /** Every feature Arabica can read. */
    public static Set<Feature> all() {
        return Set.copyOf(EnumSet.allOf(Feature.class));
    }

    /** Whether the feature is part of WebAssembly 2.0. */
    public boolean inWasm2() {
        return inWasm2;
    }
}
