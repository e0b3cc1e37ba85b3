package dev.arabica.text;

/** Text that is not well-formed WebAssembly text (or script) syntax, with where it went wrong. */
public final class TextParseException extends RuntimeException {

    private final int line;
    private final int column;
    private final String reason;

    public TextParseException(String reason, int line, int column) {
        super(line + ":" + column + ": " + reason, null, false, false);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, in the reference interpreter's words where it has them. */
    public String reason() {
        return reason;
    }
}
