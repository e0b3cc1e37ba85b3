package dev.arabica.runtime;

import dev.arabica.format.model.Module;
import dev.arabica.format.names.NameSection;
import dev.arabica.format.validation.ModuleInfo;
import dev.arabica.runtime.compiler.CompiledCode;

/** A validated module ready to instantiate. Immutable; shareable across stores and threads. */
public final class CompiledModule {

    private final Engine engine;
    private final Module module;
    private final ModuleInfo info;
    private final int[] canonicalTypes;
    private final NameSection names;
    private CompiledCode code;

    CompiledModule(Engine engine, Module module, ModuleInfo info, int[] canonicalTypes) {
        this.engine = engine;
        this.module = module;
        this.info = info;
        this.canonicalTypes = canonicalTypes;
        this.names = NameSection.of(module);
    }

    public Engine engine() {
        return engine;
    }

    public Module module() {
        return module;
    }

    public ModuleInfo info() {
        return info;
    }

    /** The canonical id of the module's type {@code index}. */
    public int canonicalType(int index) {
        return canonicalTypes[index];
    }

    void setCode(CompiledCode code) {
        this.code = code;
    }

    /** The functions compiled to JVM bytecode, or null when the engine interprets. */
    public CompiledCode code() {
        return code;
    }

    public NameSection names() {
        return names;
    }
}
