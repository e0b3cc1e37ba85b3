package dev.arabica.bench;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;

/**
 * Arabica with one of its engines; with {@code epoch}, with epoch interruption on and a deadline
 * that never comes, to measure what the checks cost.
 */
final class ArabicaContender implements Contender {

    private final ExecutionMode mode;
    private final boolean epoch;
    private final Engine engine;

    ArabicaContender(ExecutionMode mode, boolean epoch) {
        this.mode = mode;
        this.epoch = epoch;
        this.engine = Engine.builder().mode(mode).epochInterruption(epoch).build();
    }

    @Override
    public String name() {
        return "arabica-" + mode.name().toLowerCase(java.util.Locale.ROOT) + (epoch ? "-epoch" : "");
    }

    @Override
    public Prepared prepare(Workload workload) {
        Store store = new Store(engine);
        if (epoch) {
            store.setEpochDeadline(Long.MAX_VALUE / 2);
        }
        Func run = new Linker(engine).instantiate(store, engine.compile(ModuleDecoder.decode(workload.wasm()))).func("run");
        return scale -> Timed.measure(s -> run.call(store, Value.i32(s))[0].asLong(), scale);
    }
}
