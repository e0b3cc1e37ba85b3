package dev.arabica.format.types;

import dev.arabica.format.model.ArrayType;
import dev.arabica.format.model.CompType;
import dev.arabica.format.model.FieldType;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.HeapType;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.StorageType;
import dev.arabica.format.model.StructType;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.TypeIndexHeapType;
import dev.arabica.format.model.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

/**
 * Canonical type identity across modules, iso-recursively: two types are the same when their
 * recursion groups have the same structure, with references inside a group compared by position
 * and references outside it by canonical identity. An engine keeps one registry, so that a
 * {@code call_indirect} or an import check compares canonical ids instead of structures.
 * Thread-safe.
 */
public final class TypeRegistry {

    private final Map<RecGroup, Integer> groups = new HashMap<>();
    private int nextId;

    /**
     * Registers a module's types and returns the canonical id of each type index. Equal groups get
     * equal ids, in this module and in any other registered with the same registry.
     */
    public synchronized int[] canonicalize(List<RecGroup> recGroups) {
        int total = recGroups.stream().mapToInt(g -> g.types().size()).sum();
        int[] canonical = new int[total];
        int start = 0;
        for (RecGroup group : recGroups) {
            int groupStart = start;
            int size = group.types().size();
            int[] resolved = canonical;
            IntUnaryOperator key = index -> index >= groupStart && index < groupStart + size
                    ? -1 - (index - groupStart)
                    : index >= 0 && index < groupStart ? resolved[index] : Integer.MIN_VALUE;
            List<SubType> rewritten = new ArrayList<>(size);
            for (SubType type : group.types()) {
                rewritten.add(rewrite(type, key));
            }
            Integer first = groups.get(new RecGroup(rewritten, false));
            if (first == null) {
                first = nextId;
                nextId += size;
                groups.put(new RecGroup(rewritten, false), first);
            }
            for (int i = 0; i < size; i++) {
                canonical[groupStart + i] = first + i;
            }
            start += size;
        }
        return canonical;
    }

    private static SubType rewrite(SubType type, IntUnaryOperator key) {
        List<Integer> supertypes = type.supertypes().stream().map(key::applyAsInt).toList();
        return new SubType(type.isFinal(), supertypes, rewrite(type.describes(), key), rewrite(type.descriptor(), key),
                rewrite(type.compType(), key));
    }

    private static OptionalInt rewrite(OptionalInt index, IntUnaryOperator key) {
        return index.isPresent() ? OptionalInt.of(key.applyAsInt(index.getAsInt())) : index;
    }

    private static CompType rewrite(CompType type, IntUnaryOperator key) {
        if (type instanceof FuncType func) {
            return new FuncType(func.params().stream().map(t -> rewrite(t, key)).toList(),
                    func.results().stream().map(t -> rewrite(t, key)).toList());
        }
        if (type instanceof StructType struct) {
            return new StructType(struct.fields().stream().map(f -> rewrite(f, key)).toList());
        }
        return new ArrayType(rewrite(((ArrayType) type).element(), key));
    }

    private static FieldType rewrite(FieldType field, IntUnaryOperator key) {
        StorageType storage = field.storageType() instanceof ValType value ? rewrite(value, key) : field.storageType();
        return new FieldType(storage, field.mutable());
    }

    private static ValType rewrite(ValType type, IntUnaryOperator key) {
        if (type instanceof RefType ref && ref.heapType() instanceof TypeIndexHeapType index) {
            HeapType heap = new TypeIndexHeapType(key.applyAsInt(index.index()));
            return new RefType(ref.nullable(), ref.exact(), heap);
        }
        return type;
    }
}
