package dev.arabica.fuzz.generate;

import dev.arabica.format.model.ValType;

/** The value types of WebAssembly 2.0, weighted towards i32, which addresses, conditions and indices use. */
final class ValueTypes {

    private ValueTypes() {
    }

    static ValType random(Rng rng, boolean simd) {
        return switch (rng.weighted(6, 3, 2, 2, simd ? 3 : 0, 1, 1)) {
            case 0 -> ValType.I32;
            case 1 -> ValType.I64;
            case 2 -> ValType.F32;
            case 3 -> ValType.F64;
            case 4 -> ValType.V128;
            case 5 -> ValType.FUNCREF;
            default -> ValType.EXTERNREF;
        };
    }
}
