package dev.arabica.format.model;

import java.util.OptionalLong;

/** Size limits of a memory (in pages) or a table (in elements). */
public record Limits(AddressType addressType, long min, OptionalLong max) {

    public static Limits of(long min) {
        return new Limits(AddressType.I32, min, OptionalLong.empty());
    }

    public static Limits of(long min, long max) {
        return new Limits(AddressType.I32, min, OptionalLong.of(max));
    }
}
