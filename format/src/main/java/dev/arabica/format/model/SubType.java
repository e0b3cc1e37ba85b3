package dev.arabica.format.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * A defined type with its position in the subtype hierarchy: whether it is final, its declared
 * supertypes (type indices), and, from the custom-descriptors proposal, the type it describes and
 * the type that describes it.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, OptionalInt describes,
        OptionalInt descriptor, CompType compType) {

    public SubType {
        supertypes = List.copyOf(supertypes);
    }

    /** A final type without supertypes: what a plain {@code (type (func ...))} declares. */
    public static SubType of(CompType compType) {
        return new SubType(true, List.of(), OptionalInt.empty(), OptionalInt.empty(), compType);
    }
}
