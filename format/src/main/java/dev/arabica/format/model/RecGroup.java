package dev.arabica.format.model;

import java.util.List;

/**
 * A recursive type group. A type declared outside {@code rec} is a group of one. The binary
 * encoding records whether the group was written explicitly, so that re-encoding is faithful.
 */
public record RecGroup(List<SubType> types, boolean explicit) {

    public RecGroup {
        types = List.copyOf(types);
    }

    public static RecGroup single(SubType type) {
        return new RecGroup(List.of(type), false);
    }

    // equals and hashCode are written out: see RATIONALE.md (records at start-up).
    @Override
    public boolean equals(Object o) {
        return o instanceof RecGroup other && explicit == other.explicit && types.equals(other.types);
    }

    @Override
    public int hashCode() {
        return types.hashCode() * 31 + Boolean.hashCode(explicit);
    }
}
