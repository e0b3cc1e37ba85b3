package dev.arabica.format.model;

/** A value type: a number, a vector, or a reference. */
public sealed interface ValType extends StorageType permits NumType, VecType, RefType {

    ValType I32 = NumType.I32;
    ValType I64 = NumType.I64;
    ValType F32 = NumType.F32;
    ValType F64 = NumType.F64;
    ValType V128 = VecType.V128;
    RefType FUNCREF = RefType.FUNCREF;
    RefType EXTERNREF = RefType.EXTERNREF;

    /** The type's name in the text format, e.g. {@code i32} or {@code (ref null $3)}. */
    String text();

    /** Whether a value of this type has a default value (needed for locals that are never set). */
    boolean defaultable();
}
