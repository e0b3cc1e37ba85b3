package dev.arabica.runtime;

import dev.arabica.format.model.TableType;
import java.util.Arrays;

/** A table of references: functions ({@link Func}), host objects, or null. */
public final class Table implements Extern {

    /** The most elements one table may hold in this runtime. */
    public static final long MAX_ELEMENTS = 10_000_000;

    private final TableType type;
    private final Store store;
    private Object[] elements;

    Table(Store store, TableType type, Object initial) {
        this.store = store;
        this.type = type;
        long size = type.limits().min();
        if (size > MAX_ELEMENTS) {
            throw new LinkException("table of " + size + " elements is larger than this runtime supports ("
                    + MAX_ELEMENTS + ")");
        }
        store.reserveTableElements(size);
        elements = new Object[(int) size];
        Arrays.fill(elements, initial);
    }

    public TableType type() {
        return type;
    }

    public int size() {
        return elements.length;
    }

    public long maxSize() {
        return Math.min(type.limits().max().orElse(0xFFFFFFFFL), MAX_ELEMENTS);
    }

    /** The function {@code call_indirect} finds at {@code index}: traps if there is none or it has another type. */
    public Func indirectTarget(long index, int canonicalType) {
        if (index >= size()) {
            throw new Trap(TrapKind.UNDEFINED_ELEMENT, TrapKind.UNDEFINED_ELEMENT.message() + " " + index);
        }
        Object element = get(index);
        if (element == null) {
            throw new Trap(TrapKind.UNINITIALIZED_ELEMENT, TrapKind.UNINITIALIZED_ELEMENT.message() + " " + index);
        }
        Func callee = (Func) element;
        if (callee.canonicalType() != canonicalType) {
            throw new Trap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return callee;
    }

    public Object get(long index) {
        if (index < 0 || index >= elements.length) {
            throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        return elements[(int) index];
    }

    public void set(long index, Object value) {
        if (index < 0 || index >= elements.length) {
            throw new Trap(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        elements[(int) index] = value;
    }

    /** Grows by {@code delta} elements set to {@code initial}; returns the old size, or -1 if it cannot grow. */
    public int grow(long delta, Object initial) {
        int old = elements.length;
        if (delta < 0 || old + delta > maxSize()) {
            return -1;
        }
        if (!store.tryReserveTableElements(delta)) {
            return store.refuseTableGrow(delta);
        }
        elements = Arrays.copyOf(elements, (int) (old + delta));
        Arrays.fill(elements, old, elements.length, initial);
        return old;
    }

    /** The backing array, for the engines' bulk operations; replaced when the table grows. */
    Object[] elements() {
        return elements;
    }
}
