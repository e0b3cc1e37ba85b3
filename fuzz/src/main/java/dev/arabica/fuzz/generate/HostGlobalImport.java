package dev.arabica.fuzz.generate;

import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.ValType;

/**
 * The globals a generated module may import from module {@code "env"}, with the value the harness
 * gives them. Immutable ones may appear in constant expressions (segment offsets, global initializers).
 */
public enum HostGlobalImport {
    CONST_I32("const_i32", GlobalType.of(ValType.I32, false), 16),
    CONST_I64("const_i64", GlobalType.of(ValType.I64, false), -5),
    CONST_F64("const_f64", GlobalType.of(ValType.F64, false), Double.doubleToRawLongBits(-0.0)),
    MUT_I32("mut_i32", GlobalType.of(ValType.I32, true), 7),
    MUT_F32("mut_f32", GlobalType.of(ValType.F32, true), Float.floatToRawIntBits(1.5f));

    private final String importName;
    private final GlobalType type;
    private final long initialBits;

    HostGlobalImport(String importName, GlobalType type, long initialBits) {
        this.importName = importName;
        this.type = type;
        this.initialBits = initialBits;
    }

    public String importName() {
        return importName;
    }

    public GlobalType type() {
        return type;
    }

    /** The initial value's bits, as {@code Value.bits} holds them. */
    public long initialBits() {
        return initialBits;
    }
}
