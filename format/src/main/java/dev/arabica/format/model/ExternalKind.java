package dev.arabica.format.model;

/** The kinds of entity that can be imported and exported, with their binary codes. */
public enum ExternalKind {
    FUNC(0x00, "func"),
    TABLE(0x01, "table"),
    MEMORY(0x02, "memory"),
    GLOBAL(0x03, "global"),
    TAG(0x04, "tag");

    private final int code;
    private final String text;

    ExternalKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
