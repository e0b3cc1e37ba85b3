package dev.arabica.fuzz.targets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arabica.format.MalformedModuleException;
import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Feature;

/**
 * The binary decoder on arbitrary bytes: it returns a module or throws {@link MalformedModuleException}
 * with an offset inside the input. Anything else that escapes (a JVM exception, an error, a hang) is a
 * finding. Both feature sets are tried because they decode memory indices differently.
 */
class DecoderFuzzTest {

    @FuzzTest
    void decode(byte[] bytes) {
        FuzzAssertions.decodesOrRejects(bytes, Feature.all());
        FuzzAssertions.decodesOrRejects(bytes, Feature.wasm2());
    }
}
