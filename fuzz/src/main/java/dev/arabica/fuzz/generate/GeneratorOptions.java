package dev.arabica.fuzz.generate;

/**
 * How large and how varied generated modules are.
 *
 * @param simdShare the fraction of modules that use vector instructions and v128 values (0 to 1)
 * @param canonicalNanShare the fraction of modules that canonicalize NaN results (see {@link NanCanonicalization})
 * @param maxFunctions the most functions a module defines
 * @param maxBodyInstructions roughly the most instructions in one body; bodies close their blocks past it
 * @param expressionDepth how deeply operand expressions nest
 * @param maxNesting how deeply blocks, loops and ifs nest
 */
public record GeneratorOptions(double simdShare, double canonicalNanShare, int maxFunctions, int maxBodyInstructions, int expressionDepth,
        int maxNesting) {

    public static final GeneratorOptions DEFAULT = new GeneratorOptions(0.25, 0.5, 8, 300, 3, 5);

    public GeneratorOptions withSimdShare(double share) {
        return new GeneratorOptions(share, canonicalNanShare, maxFunctions, maxBodyInstructions, expressionDepth,
                maxNesting);
    }

    public GeneratorOptions withCanonicalNanShare(double share) {
        return new GeneratorOptions(simdShare, share, maxFunctions, maxBodyInstructions, expressionDepth, maxNesting);
    }
}
