package dev.arabica.format.model;

import java.util.Arrays;

/**
 * A custom section: its name, its payload, and the id of the last known section that preceded it
 * (0 when it came before every known section), so that encoding puts it back where it was.
 */
public record CustomSection(String name, byte[] content, int precedingSectionId) {

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomSection other && name.equals(other.name)
                && precedingSectionId == other.precedingSectionId && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "CustomSection[" + name + ", " + content.length + " bytes, after section " + precedingSectionId + "]";
    }
}
