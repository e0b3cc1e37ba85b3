package dev.arabica.fuzz;

import dev.arabica.format.WasmFormatException;
import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.format.model.Module;
import dev.arabica.fuzz.generate.GeneratedModule;
import dev.arabica.fuzz.generate.GeneratorOptions;
import dev.arabica.fuzz.generate.ModuleGenerator;
import dev.arabica.runtime.ExecutionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Differential fuzzing of the two engines: for each seed, generates a module, runs its call plan
 * in the compiler and in the interpreter, and compares results, traps, fuel left, host calls, and
 * the final memory, globals and tables. By seed, both engines are built with epoch checks, fuel
 * metering (whose consumption must agree too), both or neither. A disagreement or an invalid module is written to the failures directory as
 * {@code <seed>.wasm} and {@code <seed>.wat}, with {@code <seed>.txt} saying what differed. A
 * disagreement on a module with raw NaNs whose NaN-canonicalizing twin agrees is explained by NaN
 * payloads: it is counted and kept in {@code explained-by-nan-payloads/} instead.
 *
 * <p>{@code bin/fuzz-differential [--count N] [--seed S] [--simd-share X] [--failures DIR]
 * [--histogram FILE]}; the exit status is 1 if any module disagreed or was invalid.
 * {@code bin/fuzz-differential --reduce SEED} shrinks the module of a disagreeing seed (see
 * {@link Reducer}) and writes {@code <seed>.reduced.wat}.
 */
public final class DifferentialFuzz {

    /** A module still running after this long means the termination guarantee failed. */
    private static final long HANG_MILLIS = 300_000;

    /** Where differences explained by NaN payloads are kept, under the failures directory, for review. */
    private static final String EXPLAINED = "explained-by-nan-payloads";

    /** Compiled code recurses on the JVM stack; the fuel bounds wasm call depth to about 1,000. */
    private static final long WORKER_STACK_BYTES = 1L << 30;

    private final GeneratorOptions options;
    private final Path failures;
    private final FuzzStatistics statistics = new FuzzStatistics();

    public DifferentialFuzz(GeneratorOptions options, Path failures) {
        this.options = options;
        this.failures = failures;
    }

    /**
     * Runs {@code count} seeds from {@code firstSeed} on a thread with a large stack, reporting
     * each disagreement and every thousandth module to {@code log}. If one module runs for minutes
     * (a generated program that does not terminate), archives it and halts the JVM.
     */
    public FuzzStatistics run(long firstSeed, long count, Consumer<String> log) throws InterruptedException {
        AtomicLong current = new AtomicLong(firstSeed);
        AtomicLong started = new AtomicLong(System.currentTimeMillis());
        long begin = System.nanoTime();
        Thread worker = new Thread(null, () -> {
            for (long seed = firstSeed; seed < firstSeed + count; seed++) {
                current.set(seed);
                started.set(System.currentTimeMillis());
                List<String> differences = runSeed(seed);
                if (!differences.isEmpty()) {
                    log.accept("seed " + seed + ": " + differences.size() + " differences, first: " + differences.get(0));
                }
                long done = seed - firstSeed + 1;
                if (done % 1000 == 0) {
                    log.accept(String.format("%d modules, %d disagreeing, %d invalid, %.0f s", done,
                            statistics.disagreeingSeeds().size(), statistics.invalidSeeds().size(),
                            (System.nanoTime() - begin) / 1e9));
                }
            }
        }, "differential-fuzz", WORKER_STACK_BYTES);
        worker.start();
        while (worker.isAlive()) {
            worker.join(1000);
            if (worker.isAlive() && System.currentTimeMillis() - started.get() > HANG_MILLIS) {
                long seed = current.get();
                archive(failures, seed, ModuleGenerator.generate(seed, options).module(),
                        List.of("did not terminate within " + HANG_MILLIS / 1000 + " s"));
                log.accept("seed " + seed + " did not terminate within " + HANG_MILLIS / 1000 + " s; halting");
                Runtime.getRuntime().halt(3);
            }
        }
        statistics.addSeconds((System.nanoTime() - begin) / 1e9);
        return statistics;
    }

    /** Runs one seed; returns the differences found (empty when the engines agree). */
    public List<String> runSeed(long seed) {
        GeneratedModule generated = ModuleGenerator.generate(seed, options);
        Module module = generated.module();
        Comparison comparison;
        try {
            comparison = compare(module, seed, generated.canonicalNans());
        } catch (WasmFormatException e) {
            statistics.invalid(seed);
            List<String> problem = List.of("generated module is invalid: " + e.getMessage());
            archive(failures, seed, module, problem);
            return problem;
        }
        List<String> differences = comparison.differences();
        boolean explainedByNans = !differences.isEmpty() && !generated.canonicalNans() && twinAgrees(seed);
        statistics.add(seed, generated, comparison, explainedByNans);
        if (explainedByNans) {
            archive(failures.resolve(EXPLAINED), seed, module, differences);
            return List.of();
        }
        if (!differences.isEmpty()) {
            archive(failures, seed, module, differences);
        }
        return differences;
    }

    /**
     * Whether the engines agree on the seed's module generated with NaN canonicalization: the same
     * module but for the inserted canonicalizations. If they do, a difference in the module with
     * raw NaNs came from the payloads of NaNs, which the specification leaves open (for example a
     * payload reinterpreted as an integer and stored).
     */
    private boolean twinAgrees(long seed) {
        Module twin = ModuleGenerator.generate(seed, options.withCanonicalNanShare(1)).module();
        return compare(twin, seed, true).differences().isEmpty();
    }

    /**
     * Runs {@code module}'s call plan for {@code seed} in both engines and compares them, with NaN
     * payloads allowed to differ unless {@code canonicalNans}; throws {@link WasmFormatException}
     * if the module is invalid.
     */
    static Comparison compare(Module module, long seed, boolean canonicalNans) {
        byte[] wasm = ModuleEncoder.encode(module);
        CallPlan plan = CallPlan.of(module, seed);
        EngineRunner.Configuration configuration = EngineRunner.Configuration.forSeed(seed);
        Observation compiled = EngineRunner.run(wasm, ExecutionMode.COMPILER, configuration, plan);
        Observation interpreted = EngineRunner.run(wasm, ExecutionMode.INTERPRETER, configuration, plan);
        return Comparison.of(compiled, interpreted, !canonicalNans);
    }

    private static void archive(Path directory, long seed, Module module, List<String> problems) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(seed + ".wasm"), ModuleEncoder.encode(module));
            Files.writeString(directory.resolve(seed + ".wat"), WatPrinter.print(module));
            Files.writeString(directory.resolve(seed + ".txt"), "seed " + seed + "\n" + String.join("\n", problems) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        long count = 1000;
        long firstSeed = System.nanoTime() & 0xFFFF_FFFFL;
        GeneratorOptions options = GeneratorOptions.DEFAULT;
        Path failures = Path.of("fuzz/target/differential-failures");
        Path histogramFile = null;
        Long reduce = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reduce" -> reduce = Long.parseLong(args[++i]);
                case "--count" -> count = Long.parseLong(args[++i]);
                case "--seed" -> firstSeed = Long.parseLong(args[++i]);
                case "--simd-share" -> options = options.withSimdShare(Double.parseDouble(args[++i]));
                case "--failures" -> failures = Path.of(args[++i]);
                case "--histogram" -> histogramFile = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: fuzz-differential [--count N] [--seed S] [--simd-share X] "
                            + "[--failures DIR] [--histogram FILE] | [--reduce SEED] [--simd-share X] [--failures DIR]");
                    System.exit(2);
                }
            }
        }
        if (reduce != null) {
            String reduced = Reducer.reduce(ModuleGenerator.generate(reduce, options), reduce, System.out::println);
            Files.createDirectories(failures);
            Path file = failures.resolve(reduce + ".reduced.wat");
            Files.writeString(file, reduced);
            System.out.print(reduced);
            System.out.println("written to " + file);
            return;
        }
        System.out.println("seeds " + firstSeed + " .. " + (firstSeed + count - 1) + ", failures go to " + failures);
        FuzzStatistics statistics = new DifferentialFuzz(options, failures).run(firstSeed, count, System.out::println);
        System.out.print(statistics.report());
        if (histogramFile != null) {
            Files.writeString(histogramFile, statistics.histogram().report());
            System.out.println("opcode histogram written to " + histogramFile);
        }
        System.exit(statistics.disagreeingSeeds().isEmpty() && statistics.invalidSeeds().isEmpty() ? 0 : 1);
    }
}
