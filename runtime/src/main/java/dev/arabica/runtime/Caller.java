package dev.arabica.runtime;

import java.util.Optional;

/** What a host function sees of the WebAssembly code that called it. */
public final class Caller {

    private final Store store;
    private final Instance instance;

    Caller(Store store, Instance instance) {
        this.store = store;
        this.instance = instance;
    }

    public Store store() {
        return store;
    }

    /** The calling instance's export of that name, if it is a memory. */
    public Optional<Memory> memory(String export) {
        return instance == null ? Optional.empty() : instance.export(export).filter(Memory.class::isInstance).map(Memory.class::cast);
    }

    public Optional<Extern> export(String name) {
        return instance == null ? Optional.empty() : instance.export(name);
    }
}
