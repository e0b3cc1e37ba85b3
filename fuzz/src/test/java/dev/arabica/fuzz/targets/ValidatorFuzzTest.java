package dev.arabica.fuzz.targets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arabica.format.InvalidModuleException;
import dev.arabica.format.model.Module;
import dev.arabica.format.validation.Validator;

/**
 * The validator on whatever the decoder accepts: it passes the module or throws
 * {@link InvalidModuleException} with a reason; anything else that escapes is a finding.
 */
class ValidatorFuzzTest {

    @FuzzTest
    void validate(byte[] bytes) {
        Module module = FuzzAssertions.decodesOrRejects(bytes, Validator.SUPPORTED);
        if (module == null) {
            return;
        }
        try {
            Validator.validate(module);
        } catch (InvalidModuleException e) {
            if (e.reason() == null || e.reason().isBlank()) {
                throw new AssertionError("invalid module rejected without a reason", e);
            }
        }
    }
}
