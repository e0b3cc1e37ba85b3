package dev.arabica.runtime;

import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.runtime.compiler.EpochFlag;
import dev.arabica.runtime.ops.FuelTank;
import dev.arabica.runtime.interpreter.WasmFunc;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An instantiated module: its functions, tables, memories and globals (imported ones first, as
 * in the index spaces), its element and data segments, and its exports.
 */
public final class Instance {

    final Store store;
    final CompiledModule module;
    final Func[] funcs;
    final Table[] tables;
    final Memory[] memories;
    /** Memory 0, which compiled code reloads after every call: one field, not an array element. */
    private final Memory defaultMemory;
    final Global[] globals;
    /** Element segment contents; a dropped segment is empty. */
    final Object[][] elems;
    /** Data segment contents; a dropped segment is empty. */
    final byte[][] datas;
    private final Map<String, Extern> exports;
    private final Map<Integer, Func> interpreted = new HashMap<>();
    private final EpochFlag epochFlag;
    private final FuelTank fuelTank;

    Instance(Store store, CompiledModule module, Func[] funcs, Table[] tables, Memory[] memories, Global[] globals,
            Object[][] elems, Map<String, Extern> exports) {
        this.store = store;
        this.module = module;
        this.funcs = funcs;
        this.tables = tables;
        this.memories = memories;
        this.defaultMemory = memories.length == 0 ? null : memories[0];
        this.globals = globals;
        this.elems = elems;
        this.datas = new byte[module.module().data().size()][];
        for (int i = 0; i < datas.length; i++) {
            DataSegment segment = module.module().data().get(i);
            datas[i] = segment.bytes();
        }
        this.exports = exports;
        this.epochFlag = store.epochFlag();
        this.fuelTank = store.fuelTank();
    }

    /** The store's epoch flag, held here so that compiled code reaches it in one step. */
    public EpochFlag epochFlag() {
        return epochFlag;
    }

    /** The machine of the store, where code leaving compiled code leaves its call depth. */
    public Machine machine() {
        return store.machine;
    }

    /** The store's fuel, held here so that compiled code reaches it in one step. */
    public FuelTank fuelTank() {
        return fuelTank;
    }

    public Optional<Extern> export(String name) {
        return Optional.ofNullable(exports.get(name));
    }

    public Map<String, Extern> exports() {
        return Collections.unmodifiableMap(exports);
    }

    /** The exported function {@code name}; throws if there is none. */
    public Func func(String name) {
        if (exports.get(name) instanceof Func func) {
            return func;
        }
        throw new IllegalArgumentException("no exported function \"" + name + "\"");
    }

    public Memory memory(String name) {
        if (exports.get(name) instanceof Memory memory) {
            return memory;
        }
        throw new IllegalArgumentException("no exported memory \"" + name + "\"");
    }

    public Global global(String name) {
        if (exports.get(name) instanceof Global global) {
            return global;
        }
        throw new IllegalArgumentException("no exported global \"" + name + "\"");
    }

    public Table table(String name) {
        if (exports.get(name) instanceof Table table) {
            return table;
        }
        throw new IllegalArgumentException("no exported table \"" + name + "\"");
    }

    public Store store() {
        return store;
    }

    public CompiledModule module() {
        return module;
    }

    // Accessors for the engines.
    public Func funcAt(int index) {
        return funcs[index];
    }

    /**
     * Function {@code index} as the interpreter runs it, created on first use: compiled code calls
     * this for a function whose JVM method would be too large.
     */
    public Func interpretedFunc(int index) {
        synchronized (interpreted) {
            return interpreted.computeIfAbsent(index, function -> {
                int defined = function - module.module().imports(ExternalKind.FUNC).size();
                int typeIndex = module.module().functions().get(defined).typeIndex();
                WasmFunc func = new WasmFunc(function, defined, funcs[function].type(), module.canonicalType(typeIndex));
                func.bind(this);
                return func;
            });
        }
    }

    public Table tableAt(int index) {
        return tables[index];
    }

    /** The memory of index 0, which most code uses, or null if the instance has none. */
    public Memory defaultMemory() {
        return defaultMemory;
    }

    public Memory memoryAt(int index) {
        return memories[index];
    }

    public Global globalAt(int index) {
        return globals[index];
    }

    public Object[] elemAt(int index) {
        return elems[index];
    }

    public void dropElem(int index) {
        elems[index] = new Object[0];
    }

    public byte[] dataAt(int index) {
        return datas[index];
    }

    public void dropData(int index) {
        datas[index] = new byte[0];
    }
}
