package dev.arabica.format.model;

/** The 128-bit vector type. */
public enum VecType implements ValType {
    V128;

    /** The byte that encodes this type in the binary format. */
    public int code() {
        return 0x7B;
    }

    @Override
    public String text() {
        return "v128";
    }

    @Override
    public boolean defaultable() {
        return true;
    }

    @Override
    public int byteSize() {
        return 16;
    }

    @Override
    public ValType unpacked() {
        return this;
    }

    @Override
    public String toString() {
        return text();
    }
}
