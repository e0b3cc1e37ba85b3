package dev.arabica.format;

/** A module was rejected before it could run: it is malformed or invalid. */
public abstract sealed class WasmFormatException extends RuntimeException
        permits MalformedModuleException, InvalidModuleException {

    private final long offset;

    protected WasmFormatException(String reason, long offset) {
        super(reason, null, false, false);
        this.offset = offset;
    }

    /** What is wrong, in the specification's words where it has them. */
    public String reason() {
        return getMessage();
    }

    /** Byte offset in the module binary where the problem was found, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The reason with its location, e.g. {@code offset 0x1f: unexpected end}. */
    public String describe() {
        return location() + reason();
    }

    protected String location() {
        return offset >= 0 ? "offset 0x" + Long.toHexString(offset) + ": " : "";
    }
}
