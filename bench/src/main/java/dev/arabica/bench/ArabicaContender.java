package dev.arabica.bench;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import java.util.Locale;

/**
 * Arabica with one of its engines, optionally metered (epoch checks with a deadline that never
 * comes, or fuel that never runs out) to measure what the metering costs.
 */
final class ArabicaContender implements Contender {

    /** What the contender's code checks as it runs. */
    enum Metering {
        NONE, EPOCH, FUEL
    }

    private final ExecutionMode mode;
    private final Metering metering;
    private final Engine engine;

    ArabicaContender(ExecutionMode mode, Metering metering) {
        this.mode = mode;
        this.metering = metering;
        this.engine = Engine.builder().mode(mode).epochInterruption(metering == Metering.EPOCH)
                .consumeFuel(metering == Metering.FUEL).build();
    }

    @Override
    public String name() {
        String suffix = metering == Metering.NONE ? "" : "-" + metering.name().toLowerCase(Locale.ROOT);
        return "arabica-" + mode.name().toLowerCase(Locale.ROOT) + suffix;
    }

    @Override
    public Prepared prepare(Workload workload) {
        Store store = new Store(engine);
        switch (metering) {
            case EPOCH -> store.setEpochDeadline(Long.MAX_VALUE / 2);
            case FUEL -> store.setFuel(Long.MAX_VALUE);
            case NONE -> {
            }
        }
        Func run = new Linker(engine).instantiate(store, engine.compile(workload.wasm())).func("run");
        return scale -> Timed.measure(s -> run.call(store, Value.i32(s))[0].asLong(), scale);
    }
}
