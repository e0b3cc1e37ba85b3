package dev.arabica.format.model;

/** The abstract heap types, with their binary codes (the negative s33 encodings as bytes). */
public enum AbsHeapType implements HeapType {
    NOEXN(0x74, "noexn"),
    NOFUNC(0x73, "nofunc"),
    NOEXTERN(0x72, "noextern"),
    NONE(0x71, "none"),
    FUNC(0x70, "func"),
    EXTERN(0x6F, "extern"),
    ANY(0x6E, "any"),
    EQ(0x6D, "eq"),
    I31(0x6C, "i31"),
    STRUCT(0x6B, "struct"),
    ARRAY(0x6A, "array"),
    EXN(0x69, "exn");

    private final int code;
    private final String text;

    AbsHeapType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    @Override
    public String text() {
        return text;
    }

    /** The abstract heap type whose binary code is {@code code}, or null. */
    public static AbsHeapType fromCode(int code) {
        for (AbsHeapType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** The abstract heap type named {@code text} in the text format, or null. */
    public static AbsHeapType fromText(String text) {
        for (AbsHeapType type : values()) {
            if (type.text.equals(text)) {
                return type;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
