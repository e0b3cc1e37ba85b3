package dev.arabica.fuzz;

import dev.arabica.fuzz.Observation.Outcome;
import dev.arabica.fuzz.Observation.TracedCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the compiler and the interpreter showed for one module. Differences are listed
 * in words. A crash in either engine is always a difference, even if both crash alike. NaN payload
 * differences, which the specification allows, are only counted, unless the module canonicalizes
 * NaNs: then they are differences too. In memory, a differing byte counts as a NaN payload
 * difference when it lies in a 4- or 8-byte window that holds a NaN in both engines' memories.
 */
final class Comparison {

    private final Observation interpreted;
    private final boolean nanPayloadsMayDiffer;
    private final List<String> differences = new ArrayList<>();
    private int nanPayloadDifferences;

    private Comparison(Observation interpreted, boolean nanPayloadsMayDiffer) {
        this.interpreted = interpreted;
        this.nanPayloadsMayDiffer = nanPayloadsMayDiffer;
    }

    static Comparison of(Observation compiled, Observation interpreted, boolean nanPayloadsMayDiffer) {
        Comparison comparison = new Comparison(interpreted, nanPayloadsMayDiffer);
        comparison.compare(compiled, interpreted);
        return comparison;
    }

    /** What the interpreter showed, which the statistics count. */
    Observation interpreted() {
        return interpreted;
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
        if (compiled.storeFuelLeft() != interpreted.storeFuelLeft()) {
            differences.add(what + ": metered fuel left: compiler " + compiled.storeFuelLeft() + ", interpreter "
                    + interpreted.storeFuelLeft());
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
                case NAN_PAYLOAD -> {
                    if (nanPayloadsMayDiffer) {
                        nanPayloadDifferences++;
                    } else {
                        differences.add(what + " " + i + ": compiler " + compiled.get(i) + ", interpreter "
                                + interpreted.get(i) + " (NaN payloads must agree: the module canonicalizes NaNs)");
                    }
                }
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
        for (int i = 0; i < compiled.length; i++) {
            if (compiled[i] == interpreted[i]) {
                continue;
            }
            int nanWindowEnd = nanPayloadsMayDiffer ? nanWindowEnd(compiled, interpreted, i) : -1;
            if (nanWindowEnd > i) {
                nanPayloadDifferences++;
                i = nanWindowEnd - 1;
            } else if (shown++ < 8) {
                differences.add(String.format("memory byte %d: compiler 0x%02x, interpreter 0x%02x", i,
                        compiled[i] & 0xFF, interpreted[i] & 0xFF));
            }
        }
    }

    /**
     * The end of a window holding byte {@code i} and a NaN in both memories (an f32 or f64 stored
     * at any address), in which all differing bytes are explained; -1 if there is none.
     */
    private static int nanWindowEnd(byte[] compiled, byte[] interpreted, int i) {
        for (int size : new int[] {4, 8}) {
            for (int start = Math.max(i - size + 1, 0); start <= i && start + size <= compiled.length; start++) {
                if (isNaN(compiled, start, size) && isNaN(interpreted, start, size)) {
                    return start + size;
                }
            }
        }
        return -1;
    }

    private static boolean isNaN(byte[] memory, int start, int size) {
        long bits = 0;
        for (int b = size - 1; b >= 0; b--) {
            bits = bits << 8 | (memory[start + b] & 0xFF);
        }
        return size == 4 ? Float.isNaN(Float.intBitsToFloat((int) bits)) : Double.isNaN(Double.longBitsToDouble(bits));
    }
}
