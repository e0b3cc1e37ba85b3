package dev.arabica.fuzz.targets;

import dev.arabica.format.MalformedModuleException;
import dev.arabica.format.WasmFormatException;
import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Module;
import dev.arabica.format.names.NameSection;
import java.util.Set;

/** The checks the fuzz targets share: a rejection must say where, inside the input, it was found. */
final class FuzzAssertions {

    private FuzzAssertions() {
    }

    /**
     * The decoded module, or null when the decoder rejected the bytes as it should. A decoded
     * module's name section is read too: damaged names must not make it unusable.
     */
    static Module decodesOrRejects(byte[] bytes, Set<Feature> features) {
        try {
            Module module = ModuleDecoder.decode(bytes, features);
            NameSection.of(module);
            return module;
        } catch (MalformedModuleException e) {
            requireLocatedInside(e, bytes.length);
            return null;
        }
    }

    /** A decoder error names an offset within the input (the end counts: "unexpected end"). */
    static void requireLocatedInside(WasmFormatException e, int length) {
        if (e.offset() < 0 || e.offset() > length) {
            throw new AssertionError("offset " + e.offset() + " outside the " + length + "-byte input: "
                    + e.describe(), e);
        }
        if (e.reason() == null || e.reason().isBlank()) {
            throw new AssertionError("rejection without a reason at offset " + e.offset(), e);
        }
    }
}
