package dev.arabica.format.model;

/** The index type of a memory or table: 32-bit, or 64-bit with memory64. */
public enum AddressType {
    I32,
    I64;

    /** The value type of addresses of this kind on the operand stack. */
    public ValType valType() {
        return this == I32 ? NumType.I32 : NumType.I64;
    }
}
