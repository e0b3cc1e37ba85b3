package dev.arabica.format.model;

import java.util.List;
import java.util.stream.Collectors;

/** A function type: parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) implements CompType {

    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    @Override
    public String toString() {
        return "(func (param " + params.stream().map(ValType::text).collect(Collectors.joining(" "))
                + ") (result " + results.stream().map(ValType::text).collect(Collectors.joining(" ")) + "))";
    }

    // equals and hashCode are written out: see RATIONALE.md (records at start-up).
    @Override
    public boolean equals(Object o) {
        return o instanceof FuncType other && params.equals(other.params) && results.equals(other.results);
    }

    @Override
    public int hashCode() {
        return params.hashCode() * 31 + results.hashCode();
    }
}
