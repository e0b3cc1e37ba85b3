package dev.arabica.format.model;

/**
 * A reference type: a heap type, whether the null reference belongs to it, and whether it is
 * exact (custom-descriptors proposal: an exact reference excludes strict subtypes of the heap type).
 */
public record RefType(boolean nullable, boolean exact, HeapType heapType) implements ValType {

    public static final RefType FUNCREF = new RefType(true, false, AbsHeapType.FUNC);
    public static final RefType EXTERNREF = new RefType(true, false, AbsHeapType.EXTERN);

    public RefType(boolean nullable, HeapType heapType) {
        this(nullable, false, heapType);
    }

    public static RefType nullable(HeapType heapType) {
        return new RefType(true, false, heapType);
    }

    public static RefType nonNullable(HeapType heapType) {
        return new RefType(false, false, heapType);
    }

    @Override
    public String text() {
        if (nullable && !exact && heapType instanceof AbsHeapType abs) {
            return abs.text() + "ref";
        }
        return "(ref " + (nullable ? "null " : "") + (exact ? "exact " : "") + heapType.text() + ")";
    }

    @Override
    public boolean defaultable() {
        return nullable;
    }

    @Override
    public int byteSize() {
        return 8;
    }

    @Override
    public ValType unpacked() {
        return this;
    }

    @Override
    public String toString() {
        return text();
    }

    // equals and hashCode are written out: see RATIONALE.md (records at start-up).
    @Override
    public boolean equals(Object o) {
        return o instanceof RefType other && nullable == other.nullable && exact == other.exact
                && heapType.equals(other.heapType);
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(nullable) * 31 + Boolean.hashCode(exact)) * 31 + heapType.hashCode();
    }
}
