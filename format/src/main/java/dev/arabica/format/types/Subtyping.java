package dev.arabica.format.types;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.CompType;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.HeapType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.StructType;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.TypeIndexHeapType;
import dev.arabica.format.model.ValType;
import java.util.List;

/**
 * The subtype relation on value types within one module: number and vector types match only
 * themselves; references follow nullability, exactness and the heap type hierarchy (abstract
 * types, then declared supertypes of defined types).
 */
public final class Subtyping {

    private final List<SubType> types;

    public Subtyping(List<SubType> types) {
        this.types = List.copyOf(types);
    }

    public boolean isSubtype(ValType sub, ValType sup) {
        if (sub.equals(sup)) {
            return true;
        }
        if (sub instanceof RefType a && sup instanceof RefType b) {
            return isSubtype(a, b);
        }
        return false;
    }

    public boolean isSubtype(RefType sub, RefType sup) {
        if (sub.nullable() && !sup.nullable()) {
            return false;
        }
        if (sup.exact() && !(sub.exact() || isBottom(sub.heapType()))) {
            return false;
        }
        if (sup.exact()) {
            return sub.heapType().equals(sup.heapType()) || isBottom(sub.heapType())
                    && isHeapSubtype(sub.heapType(), sup.heapType());
        }
        return isHeapSubtype(sub.heapType(), sup.heapType());
    }

    public boolean isHeapSubtype(HeapType sub, HeapType sup) {
        if (sub.equals(sup)) {
            return true;
        }
        if (sub instanceof AbsHeapType a) {
            if (sup instanceof AbsHeapType b) {
                return isAbstractSubtype(a, b);
            }
            return a == bottomOf(top(sup));
        }
        int index = ((TypeIndexHeapType) sub).index();
        if (sup instanceof AbsHeapType b) {
            return isAbstractSubtype(abstractOf(index), b);
        }
        int target = ((TypeIndexHeapType) sup).index();
        for (int current = index; current >= 0 && current < types.size(); ) {
            if (current == target) {
                return true;
            }
            List<Integer> supertypes = types.get(current).supertypes();
            if (supertypes.isEmpty() || supertypes.get(0) >= current) {
                return false;
            }
            current = supertypes.get(0);
        }
        return false;
    }

    /** The abstract heap type that a defined type falls under: func, struct or array. */
    private AbsHeapType abstractOf(int index) {
        if (index < 0 || index >= types.size()) {
            return AbsHeapType.NONE;
        }
        CompType comp = types.get(index).compType();
        if (comp instanceof FuncType) {
            return AbsHeapType.FUNC;
        }
        return comp instanceof StructType ? AbsHeapType.STRUCT : AbsHeapType.ARRAY;
    }

    private static boolean isAbstractSubtype(AbsHeapType sub, AbsHeapType sup) {
        if (sub == sup) {
            return true;
        }
        return switch (sub) {
            case NONE -> top(sup) == AbsHeapType.ANY;
            case NOFUNC -> sup == AbsHeapType.FUNC;
            case NOEXTERN -> sup == AbsHeapType.EXTERN;
            case NOEXN -> sup == AbsHeapType.EXN;
            case I31, STRUCT, ARRAY -> sup == AbsHeapType.EQ || sup == AbsHeapType.ANY;
            case EQ -> sup == AbsHeapType.ANY;
            default -> false;
        };
    }

    /** The top of the hierarchy a heap type belongs to: any, func, extern or exn. */
    public AbsHeapType top(HeapType type) {
        AbsHeapType abs = type instanceof AbsHeapType a ? a : abstractOf(((TypeIndexHeapType) type).index());
        return top(abs);
    }

    private static AbsHeapType top(AbsHeapType type) {
        return switch (type) {
            case FUNC, NOFUNC -> AbsHeapType.FUNC;
            case EXTERN, NOEXTERN -> AbsHeapType.EXTERN;
            case EXN, NOEXN -> AbsHeapType.EXN;
            default -> AbsHeapType.ANY;
        };
    }

    private static AbsHeapType bottomOf(AbsHeapType top) {
        return switch (top) {
            case FUNC -> AbsHeapType.NOFUNC;
            case EXTERN -> AbsHeapType.NOEXTERN;
            case EXN -> AbsHeapType.NOEXN;
            default -> AbsHeapType.NONE;
        };
    }

    private static boolean isBottom(HeapType type) {
        return type == AbsHeapType.NONE || type == AbsHeapType.NOFUNC || type == AbsHeapType.NOEXTERN
                || type == AbsHeapType.NOEXN;
    }

    /** The function type at {@code index}, or null if there is none. */
    public FuncType funcType(int index) {
        return index >= 0 && index < types.size() && types.get(index).compType() instanceof FuncType f ? f : null;
    }

    public int size() {
        return types.size();
    }
}
