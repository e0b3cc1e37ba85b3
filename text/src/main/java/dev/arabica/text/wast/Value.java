package dev.arabica.text.wast;

import dev.arabica.format.model.HeapType;

/** A constant argument or expected result in a script. Floats are kept as bits. */
public sealed interface Value {

    record I32(int value) implements Value {
    }

    record I64(long value) implements Value {
    }

    record F32(int bits) implements Value {
    }

    record F64(long bits) implements Value {
    }

    record V128(dev.arabica.format.model.V128 value) implements Value {
    }

    record RefNull(HeapType type) implements Value {
    }

    /** A host reference handed in as an externref, identified by its payload. */
    record RefExtern(int payload) implements Value {
    }

    record RefHost(int payload) implements Value {
    }
}
