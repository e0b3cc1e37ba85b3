package dev.arabica.bench;

import dev.arabica.runtime.ExecutionMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs every workload on every contender in one JVM session, after warm-up, checks that all give
 * the same checksum, and prints the median times and each contender's ratio to the first one.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Times Arabica beside other runtimes and native code")
public final class BenchRunner implements Callable<Integer> {

    @Option(names = "--workloads", description = "Directory of the workloads (default: ${DEFAULT-VALUE})")
    Path directory = Path.of("bench/workloads");

    @Option(names = "--only", split = ",", description = "Workloads to run (default: all)")
    List<String> only = new ArrayList<>();

    @Option(names = "--contenders", split = ",", description = "Contenders, the first being the baseline of the ratios "
            + "(default: ${DEFAULT-VALUE})")
    List<String> contenders = List.of("arabica-compiler", "arabica-interpreter", "chicory-compiler", "chicory-interpreter", "native-gcc-O2");

    @Option(names = "--divisor", description = "Runs each workload at 1/N of its full scale (about 1.5 s native)")
    int divisor = 1;

    @Option(names = "--warmup", description = "Seconds of warm-up runs per workload and contender (default: ${DEFAULT-VALUE})")
    double warmupSeconds = 3;

    @Option(names = "--runs", description = "Measured runs; the median counts (default: ${DEFAULT-VALUE})")
    int runs = 5;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchRunner()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Contender> chosen = new ArrayList<>();
        for (String name : contenders) {
            chosen.add(contender(name));
        }
        List<Workload> workloads = Workload.load(directory, only);
        System.out.printf("java %s, %d cores; scale 1/%d, %.0f s warm-up, median of %d runs%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), divisor, warmupSeconds, runs);
        Map<String, double[]> times = new LinkedHashMap<>();
        boolean agree = true;
        for (Workload workload : workloads) {
            double[] row = new double[chosen.size()];
            Long expected = null;
            for (int i = 0; i < chosen.size(); i++) {
                Measurement m = measure(chosen.get(i), workload);
                row[i] = m.seconds;
                System.out.printf("  %-10s %-22s %9.4f s  checksum %d%n", workload.name(), chosen.get(i).name(), m.seconds, m.checksum);
                if (expected == null) {
                    expected = m.checksum;
                } else if (expected != m.checksum) {
                    System.out.printf("  MISMATCH: %s gives %d, %s gave %d%n", chosen.get(i).name(), m.checksum, chosen.get(0).name(), expected);
                    agree = false;
                }
            }
            times.put(workload.name(), row);
        }
        print(chosen, times);
        return agree ? 0 : 1;
    }

    private record Measurement(long checksum, double seconds) {
    }

    private Measurement measure(Contender contender, Workload workload) throws Exception {
        int scale = workload.scale(divisor);
        Contender.Prepared prepared = contender.prepare(workload);
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long checksum = prepared.run(scale).checksum();
        while (System.nanoTime() < warmupEnd) {
            prepared.run(scale);
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            Contender.Timed timed = prepared.run(scale);
            if (timed.checksum() != checksum) {
                throw new IllegalStateException(contender.name() + " gave checksum " + timed.checksum() + " for "
                        + workload.name() + " after " + checksum + " before");
            }
            seconds[i] = timed.seconds();
        }
        Arrays.sort(seconds);
        return new Measurement(checksum, seconds[runs / 2]);
    }

    private void print(List<Contender> chosen, Map<String, double[]> times) {
        StringBuilder header = new StringBuilder(String.format("%n| %-10s |", "workload"));
        StringBuilder rule = new StringBuilder("|------------|");
        for (Contender contender : chosen) {
            header.append(String.format(" %22s |", contender.name() + " s"));
            rule.append("-----------------------:|");
        }
        for (int i = 1; i < chosen.size(); i++) {
            header.append(String.format(" %22s |", chosen.get(i).name() + " / " + shortName(chosen.get(0))));
            rule.append("-----------------------:|");
        }
        System.out.println(header);
        System.out.println(rule);
        double[] logSums = new double[chosen.size()];
        times.forEach((name, row) -> {
            StringBuilder line = new StringBuilder(String.format("| %-10s |", name));
            for (double seconds : row) {
                line.append(String.format(" %22.4f |", seconds));
            }
            for (int i = 1; i < row.length; i++) {
                line.append(String.format(" %22.2f |", row[i] / row[0]));
                logSums[i] += Math.log(row[i] / row[0]);
            }
            System.out.println(line);
        });
        StringBuilder mean = new StringBuilder(String.format("| %-10s |", "geomean"));
        mean.append(" %22s |".formatted("").repeat(chosen.size()));
        for (int i = 1; i < chosen.size(); i++) {
            mean.append(String.format(" %22.2f |", Math.exp(logSums[i] / times.size())));
        }
        System.out.println(mean);
    }

    private static String shortName(Contender contender) {
        return contender.name().replace("arabica-", "");
    }

    private Contender contender(String name) {
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (ArabicaContender.Metering metering : ArabicaContender.Metering.values()) {
                ArabicaContender arabica = new ArabicaContender(mode, metering);
                if (arabica.name().equals(name)) {
                    return arabica;
                }
            }
        }
        return switch (name) {
            case "chicory-interpreter" -> new ChicoryContender(false);
            case "chicory-compiler" -> new ChicoryContender(true);
            case "native-gcc-O2" -> {
                if (!NativeContender.available()) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "native-gcc-O2 needs gcc on the PATH");
                }
                yield new NativeContender(Path.of(System.getProperty("java.io.tmpdir"), "arabica-bench-native"));
            }
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "unknown contender " + name
                    + " (arabica-compiler, arabica-interpreter, each also with -epoch or -fuel,"
                    + " chicory-interpreter, chicory-compiler, native-gcc-O2)");
        };
    }
}
