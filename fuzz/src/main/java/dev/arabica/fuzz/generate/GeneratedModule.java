package dev.arabica.fuzz.generate;

import dev.arabica.format.model.Module;

/**
 * A generated module and the choices behind it that the harness needs.
 *
 * @param simd whether it may use vector instructions
 * @param canonicalNans whether its float results are canonicalized, so that even NaN payloads must agree
 */
public record GeneratedModule(Module module, boolean simd, boolean canonicalNans) {
}
