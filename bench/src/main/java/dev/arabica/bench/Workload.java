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

    /** The workloads and their full scales, from {@code scales.tsv} in the workloads directory. */
    private static Map<String, Integer> fullScales(Path directory) {
        Map<String, Integer> scales = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(directory.resolve("scales.tsv"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    scales.put(columns[0], Integer.parseInt(columns[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workloads' scales in " + directory, e);
        }
        return scales;
    }

    static List<Workload> load(Path directory, List<String> names) {
        Map<String, Integer> fullScales = fullScales(directory);
        List<Workload> workloads = new ArrayList<>();
        for (String name : names.isEmpty() ? List.copyOf(fullScales.keySet()) : names) {
            Integer scale = fullScales.get(name);
            if (scale == null) {
                throw new IllegalArgumentException("no workload named " + name + "; there are " + fullScales.keySet());
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
