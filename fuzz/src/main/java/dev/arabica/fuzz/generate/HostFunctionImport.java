package dev.arabica.fuzz.generate;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.ValType;
import java.util.List;

/**
 * The host functions a generated module may import from module {@code "env"}. The harness
 * implements each one identically for both engines; calls to them are how intermediate values
 * become observable even when a later instruction traps.
 */
public enum HostFunctionImport {
    LOG_I32("log_i32", List.of(ValType.I32), List.of()),
    LOG_I64("log_i64", List.of(ValType.I64), List.of()),
    LOG_F32("log_f32", List.of(ValType.F32), List.of()),
    LOG_F64("log_f64", List.of(ValType.F64), List.of()),
    LOG_EXTERNREF("log_externref", List.of(ValType.EXTERNREF), List.of()),
    /** Returns a value that depends on both arguments, so that a wrong argument shows in the result. */
    MIX("mix", List.of(ValType.I32, ValType.I64), List.of(ValType.I64)),
    /** Returns a host object named by its argument, giving modules non-null externrefs to pass around. */
    MAKE_EXTERNREF("make_externref", List.of(ValType.I32), List.of(ValType.EXTERNREF)),
    /** Traps (a host trap) when the low byte of its argument is 0x2A, so that host traps cross compiled frames. */
    TRAP_IF_2A("trap_if_2a", List.of(ValType.I32), List.of());

    public static final String MODULE = "env";

    private final String importName;
    private final FuncType type;

    HostFunctionImport(String importName, List<ValType> params, List<ValType> results) {
        this.importName = importName;
        this.type = FuncType.of(params, results);
    }

    public String importName() {
        return importName;
    }

    public FuncType type() {
        return type;
    }
}
