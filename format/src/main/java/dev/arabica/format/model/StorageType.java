package dev.arabica.format.model;

/** The type of a struct field or array element: a value type or a packed integer type. */
public sealed interface StorageType permits ValType, PackedType {

    /** Size in bytes of a value stored with this type. */
    int byteSize();

    /** The value type an element unpacks to on the operand stack. */
    ValType unpacked();
}
