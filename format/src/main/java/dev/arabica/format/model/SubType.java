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

    // equals and hashCode are written out: see RATIONALE.md (records at start-up).
    @Override
    public boolean equals(Object o) {
        return o instanceof SubType other && isFinal == other.isFinal && supertypes.equals(other.supertypes)
                && describes.equals(other.describes) && descriptor.equals(other.descriptor)
                && compType.equals(other.compType);
    }

    @Override
    public int hashCode() {
        int hash = Boolean.hashCode(isFinal);
        hash = hash * 31 + supertypes.hashCode();
        hash = hash * 31 + describes.hashCode();
        hash = hash * 31 + descriptor.hashCode();
        return hash * 31 + compType.hashCode();
    }
}
