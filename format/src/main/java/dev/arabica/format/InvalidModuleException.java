package dev.arabica.format;

/**
 * The module is well-formed but breaks a validation rule of the specification. Names the
 * function (or -1 outside function bodies) and the offset of the offending instruction or entry.
 */
public final class InvalidModuleException extends WasmFormatException {

    private final int functionIndex;

    public InvalidModuleException(String reason, int functionIndex, long offset) {
        super(reason, offset);
        this.functionIndex = functionIndex;
    }

    /** Index of the function (in the function index space) whose body broke the rule, or -1. */
    public int functionIndex() {
        return functionIndex;
    }

    @Override
    public String describe() {
        String where = functionIndex >= 0 ? "function " + functionIndex + ": " : "";
        return location() + where + reason();
    }
}
