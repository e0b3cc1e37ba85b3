package dev.arabica.runtime;

import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.RefType;

/** A global variable: its type and current value (bits for numbers, an object for references). */
public final class Global implements Extern {

    private final GlobalType type;
    long bits;
    long high;
    Object ref;

    public Global(GlobalType type, Value initial) {
        this.type = type;
        set(initial);
    }

    public GlobalType type() {
        return type;
    }

    public Value get() {
        return new Value(type.valType(), bits, high, ref);
    }

    /** Sets the value from Java; mutability is the caller's business, as for imports set up by a host. */
    public void set(Value value) {
        bits = value.bits();
        high = value.high();
        ref = type.valType() instanceof RefType ? value.ref() : null;
    }

    public long bits() {
        return bits;
    }

    public Object ref() {
        return ref;
    }

    /** The high half of a v128 value. */
    public long high() {
        return high;
    }

    public void setHigh(long high) {
        this.high = high;
    }

    public void setBits(long bits) {
        this.bits = bits;
    }

    public void setRef(Object ref) {
        this.ref = ref;
    }
}
