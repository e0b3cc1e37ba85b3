package dev.arabica.format.model;

/** A heap type: one of the abstract heap types, or a type defined in the module. */
public sealed interface HeapType permits AbsHeapType, TypeIndexHeapType {

    /** The heap type's name in the text format. */
    String text();
}
