package dev.arabica.format.model;

/**
 * A run of {@code count} locals of one type, as declared in the code section. Counts are kept
 * compressed because a module can declare billions of locals in a few bytes.
 */
public record Locals(long count, ValType type) {
}
