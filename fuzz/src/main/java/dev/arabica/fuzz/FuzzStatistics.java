package dev.arabica.fuzz;

import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import dev.arabica.fuzz.Observation.Outcome;
import dev.arabica.fuzz.generate.Fuel;
import dev.arabica.fuzz.generate.GeneratedModule;
import dev.arabica.fuzz.generate.OpcodeHistogram;
import dev.arabica.runtime.TrapKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts over a fuzzing run: what was generated, what ran, how it ended, and every disagreement. */
public final class FuzzStatistics {

    private long modules;
    private long simdModules;
    private long canonicalNanModules;
    private long functions;
    private long startFunctions;
    private long instantiationTraps;
    private final Map<TrapKind, Long> instantiationTrapKinds = new EnumMap<>(TrapKind.class);
    private long calls;
    private long returned;
    private final Map<TrapKind, Long> callTraps = new EnumMap<>(TrapKind.class);
    private long fuelExhausted;
    private long fuelUnits;
    private long meteredModules;
    private long splitModules;
    private long meteredInstructions;
    private long hostCalls;
    private long nanPayloadDifferences;
    private long modulesWithNanPayloadDifferences;
    private final List<Long> invalidSeeds = new ArrayList<>();
    private final List<Long> disagreeingSeeds = new ArrayList<>();
    private final List<Long> nanExplainedSeeds = new ArrayList<>();
    private final OpcodeHistogram histogram = new OpcodeHistogram();
    private double seconds;

    void invalid(long seed) {
        modules++;
        invalidSeeds.add(seed);
    }

    /**
     * Records one module run in both engines; counts of what ran come from the interpreter's run.
     * With {@code explainedByNans}, its differences came from NaN payloads (its twin agreed).
     */
    void add(long seed, GeneratedModule generated, Comparison comparison, boolean explainedByNans) {
        Module module = generated.module();
        Observation interpreted = comparison.interpreted();
        if (generated.canonicalNans()) {
            canonicalNanModules++;
        }
        modules++;
        OpcodeHistogram moduleHistogram = new OpcodeHistogram();
        moduleHistogram.add(module);
        histogram.addAll(moduleHistogram);
        functions += module.functions().size();
        if (Arrays.stream(Opcode.values()).anyMatch(op -> op.feature() == Feature.SIMD && moduleHistogram.count(op) > 0)) {
            simdModules++;
        }
        if (module.start().isPresent()) {
            startFunctions++;
        }
        Outcome instantiation = interpreted.instantiation();
        if (instantiation.trap() != null) {
            instantiationTraps++;
            instantiationTrapKinds.merge(instantiation.trap(), 1L, Long::sum);
        }
        EngineRunner.Configuration configuration = EngineRunner.Configuration.forSeed(seed);
        if (configuration.compiledMethodLimit() < 8_000) {
            splitModules++;
        }
        if (configuration.meterFuel()) {
            meteredModules++;
            if (instantiation.storeFuelLeft() >= 0) {
                meteredInstructions += configuration.fuelGrant() - instantiation.storeFuelLeft();
            }
            for (Outcome call : interpreted.calls()) {
                meteredInstructions += configuration.fuelGrant() - call.storeFuelLeft();
            }
        }
        for (Outcome call : interpreted.calls()) {
            calls++;
            if (call.trap() == null) {
                returned++;
            } else {
                callTraps.merge(call.trap(), 1L, Long::sum);
                if (call.trap() == TrapKind.UNREACHABLE && call.fuelLeft() == 0) {
                    fuelExhausted++;
                }
            }
            if (call.fuelLeft() >= 0) {
                fuelUnits += Fuel.BUDGET - call.fuelLeft();
            }
        }
        hostCalls += interpreted.trace().size();
        nanPayloadDifferences += comparison.nanPayloadDifferences();
        if (comparison.nanPayloadDifferences() > 0) {
            modulesWithNanPayloadDifferences++;
        }
        if (explainedByNans) {
            nanExplainedSeeds.add(seed);
        } else if (!comparison.differences().isEmpty()) {
            disagreeingSeeds.add(seed);
        }
    }

    void addSeconds(double elapsed) {
        seconds += elapsed;
    }

    public long modules() {
        return modules;
    }

    public List<Long> invalidSeeds() {
        return invalidSeeds;
    }

    public List<Long> disagreeingSeeds() {
        return disagreeingSeeds;
    }

    public OpcodeHistogram histogram() {
        return histogram;
    }

    public Map<TrapKind, Long> callTraps() {
        return callTraps;
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("modules: %d in %.1f s (%.1f per second), %d with vector instructions%n", modules, seconds,
                modules / Math.max(seconds, 1e-9), simdModules));
        out.append(String.format("invalid modules (generator bugs): %d %s%n", invalidSeeds.size(), head(invalidSeeds)));
        out.append(String.format("modules where the engines disagree: %d %s%n", disagreeingSeeds.size(),
                head(disagreeingSeeds)));
        out.append(String.format("modules that canonicalize NaNs (compared bit for bit): %d%n", canonicalNanModules));
        out.append(String.format("NaN payload differences in the other modules (allowed by the spec): %d values or "
                + "memory words in %d modules%n", nanPayloadDifferences, modulesWithNanPayloadDifferences));
        out.append(String.format("other differences explained by NaN payloads (the NaN-canonicalizing twin agrees): "
                + "%d modules %s%n", nanExplainedSeeds.size(), head(nanExplainedSeeds)));
        out.append(String.format("defined functions: %d; static instructions: %d; start functions: %d%n", functions,
                histogram.total(), startFunctions));
        out.append(String.format("instantiations that trapped: %d %s%n", instantiationTraps, instantiationTrapKinds));
        out.append(String.format("calls: %d, returned %d, trapped %d (of which fuel exhausted %d)%n", calls, returned,
                calls - returned, fuelExhausted));
        callTraps.forEach((kind, count) -> out.append(String.format("    %-32s %d%n", kind.message(), count)));
        out.append(String.format("executed function entries + loop iterations (fuel global): %d; host calls: %d%n",
                fuelUnits, hostCalls));
        out.append(String.format("instructions executed in the %d modules run with fuel metering (interpreter's count, "
                + "nop/block/loop/else/end free): %d%n", meteredModules, meteredInstructions));
        out.append(String.format("modules compiled with a method limit of 16-400 bytes, so split into regions: %d%n",
                splitModules));
        out.append(String.format("opcodes of WebAssembly 2.0 never generated: %s%n", histogram.missing()));
        return out.toString();
    }

    private static String head(List<Long> seeds) {
        return seeds.isEmpty() ? "" : "seeds " + seeds.subList(0, Math.min(seeds.size(), 20));
    }
}
