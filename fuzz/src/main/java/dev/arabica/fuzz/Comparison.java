package dev.arabica.fuzz;

import dev.arabica.fuzz.Observation.Outcome;
import dev.arabica.fuzz.Observation.TracedCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the compiler and the interpreter showed for one module. Differences are listed
 * in words; NaN payload differences, which the specification allows, are only counted. A crash in
 * either engine is always a difference, even if both crash alike.
 */
final class Comparison {

    private final List<String> differences = new ArrayList<>();
    private int nanPayloadDifferences;

    private Comparison() {
    }

    static Comparison of(Observation compiled, Observation interpreted) {
        Comparison comparison = new Comparison();
        comparison.compare(compiled, interpreted);
        return comparison;
    }

    List<String> differences() {
        return differences;
    }

    int nanPayloadDifferences() {
        return nanPayloadDifferences;
    }

    private void compare(Observation compiled, Observation interpreted) {
        outcome("instantiation", compiled.instantiation(), interpreted.instantiation());
        int calls = Math.min(compiled.calls().size(), interpreted.calls().size());
        if (compiled.calls().size() != interpreted.calls().size()) {
            differences.add("calls made: compiler " + compiled.calls().size() + ", interpreter " + interpreted.calls().size());
        }
        for (int i = 0; i < calls; i++) {
            outcome("call " + i, compiled.calls().get(i), interpreted.calls().get(i));
        }
        trace(compiled.trace(), interpreted.trace());
        values("global", compiled.globals(), interpreted.globals());
        if (compiled.tables().size() != interpreted.tables().size()) {
            differences.add("tables: compiler " + compiled.tables().size() + ", interpreter " + interpreted.tables().size());
        }
        for (int i = 0; i < Math.min(compiled.tables().size(), interpreted.tables().size()); i++) {
            values("table " + i + " element", compiled.tables().get(i), interpreted.tables().get(i));
        }
        memory(compiled.memory(), interpreted.memory());
    }

    private void outcome(String what, Outcome compiled, Outcome interpreted) {
        if (compiled.crash() != null || interpreted.crash() != null || compiled.trap() != interpreted.trap()
                || compiled.fuelLeft() != interpreted.fuelLeft()) {
            differences.add(what + ": compiler " + compiled + " (fuel left " + compiled.fuelLeft() + "), interpreter "
                    + interpreted + " (fuel left " + interpreted.fuelLeft() + ")");
            return;
        }
        values(what + " result", compiled.results(), interpreted.results());
    }

    private void trace(List<TracedCall> compiled, List<TracedCall> interpreted) {
        for (int i = 0; i < Math.min(compiled.size(), interpreted.size()); i++) {
            TracedCall a = compiled.get(i);
            TracedCall b = interpreted.get(i);
            if (!a.name().equals(b.name())) {
                differences.add("host call " + i + ": compiler called " + a.name() + ", interpreter " + b.name());
                return;
            }
            values("host call " + i + " (" + a.name() + ") argument", a.args(), b.args());
        }
        if (compiled.size() != interpreted.size()) {
            differences.add("host calls: compiler made " + compiled.size() + ", interpreter " + interpreted.size());
        }
    }

    private void values(String what, List<Observed> compiled, List<Observed> interpreted) {
        if (compiled.size() != interpreted.size()) {
            differences.add(what + "s: compiler " + compiled + ", interpreter " + interpreted);
            return;
        }
        for (int i = 0; i < compiled.size(); i++) {
            switch (compiled.get(i).compare(interpreted.get(i))) {
                case SAME -> {
                }
                case NAN_PAYLOAD -> nanPayloadDifferences++;
                case DIFFERENT -> differences.add(what + " " + i + ": compiler " + compiled.get(i) + ", interpreter "
                        + interpreted.get(i));
            }
        }
    }

    private void memory(byte[] compiled, byte[] interpreted) {
        if (compiled == null || interpreted == null) {
            if (compiled != interpreted) {
                differences.add("memory: present in only one engine");
            }
            return;
        }
        if (compiled.length != interpreted.length) {
            differences.add("memory size: compiler " + compiled.length + " bytes, interpreter " + interpreted.length);
            return;
        }
        int shown = 0;
        for (int i = 0; i < compiled.length && shown < 8; i++) {
            if (compiled[i] != interpreted[i]) {
                differences.add(String.format("memory byte %d: compiler 0x%02x, interpreter 0x%02x", i,
                        compiled[i] & 0xFF, interpreted[i] & 0xFF));
                shown++;
            }
        }
    }
}
