package dev.arabica.format.model;

import java.util.List;

/** A struct type: an ordered list of fields. */
public record StructType(List<FieldType> fields) implements CompType {

    public StructType {
        fields = List.copyOf(fields);
    }
}
