package dev.arabica.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload of {@code bench/workloads}: a module exporting {@code run(scale) -> checksum}, and the
 * scale at which it does about 1.5 s of native work on the reference machine.
 */
record Workload(String name, Path source, byte[] wasm, int fullScale) {

    private static final Map<String, Integer> FULL_SCALES = new LinkedHashMap<>();

    static {
        FULL_SCALES.put("fib", 11000);
        FULL_SCALES.put("sieve", 150);
        FULL_SCALES.put("nbody", 150);
        FULL_SCALES.put("matmul", 2300);
        FULL_SCALES.put("indirect", 110);
        FULL_SCALES.put("dispatch", 60);
        FULL_SCALES.put("trees", 60);
    }

    static List<Workload> load(Path directory, List<String> names) {
        List<Workload> workloads = new ArrayList<>();
        for (String name : names.isEmpty() ? List.copyOf(FULL_SCALES.keySet()) : names) {
            Integer scale = FULL_SCALES.get(name);
            if (scale == null) {
                throw new IllegalArgumentException("no workload named " + name + "; there are " + FULL_SCALES.keySet());
            }
            Path wasm = directory.resolve(name + ".wasm");
            try {
                workloads.add(new Workload(name, directory.resolve(name + ".c"), Files.readAllBytes(wasm), scale));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + wasm, e);
            }
        }
        return workloads;
    }

    /** The scale for a run that is {@code divisor} times shorter than the full one, at least 1. */
    int scale(int divisor) {
        return Math.max(1, fullScale / divisor);
    }
}
