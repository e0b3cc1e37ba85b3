package dev.arabica.fuzz.targets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arabica.format.InvalidModuleException;
import dev.arabica.format.WasmFormatException;
import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Module;
import dev.arabica.format.validation.ModuleInfo;
import dev.arabica.format.validation.Validator;

/**
 * The validator on whatever the decoder accepts: it passes the module or throws
 * {@link InvalidModuleException} with a reason; anything else that escapes is a finding. Engines
 * validate function bodies from their bytes ({@link ModuleDecoder#decodeLazily}), so that path
 * must accept exactly the modules the decoder and validator accept, and learn the same about them.
 */
class ValidatorFuzzTest {

    @FuzzTest
    void validate(byte[] bytes) {
        ModuleInfo lazy = lazilyValidated(bytes);
        Module module = FuzzAssertions.decodesOrRejects(bytes, Validator.SUPPORTED);
        ModuleInfo eager = null;
        if (module != null) {
            try {
                eager = Validator.validate(module);
            } catch (InvalidModuleException e) {
                if (e.reason() == null || e.reason().isBlank()) {
                    throw new AssertionError("invalid module rejected without a reason", e);
                }
            }
        }
        if ((eager == null) != (lazy == null)) {
            throw new AssertionError(eager == null ? "validation from the bytes accepts a module decoding and validation reject"
                    : "validation from the bytes rejects a module decoding and validation accept");
        }
        if (eager != null) {
            for (int i = 0; i < eager.functionCount(); i++) {
                if (eager.instructionCount(i) != lazy.instructionCount(i)
                        || eager.maxStackHeight(i) != lazy.maxStackHeight(i)) {
                    throw new AssertionError("validation from the bytes learned otherwise about function " + i);
                }
            }
        }
    }

    private static ModuleInfo lazilyValidated(byte[] bytes) {
        try {
            return Validator.validate(ModuleDecoder.decodeLazily(bytes, Validator.SUPPORTED));
        } catch (WasmFormatException e) {
            return null;
        }
    }
}
