package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.FuncType;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Machine;
import dev.arabica.runtime.Store;

/** A function defined by a WebAssembly instance, run by the interpreter from its pre-decoded code. */
public final class WasmFunc extends Func {

    private final int functionIndex;
    private final int definedIndex;
    private Instance instance;
    private volatile Code code;

    public WasmFunc(int functionIndex, int definedIndex, FuncType type, int canonicalType) {
        super(type, canonicalType);
        this.functionIndex = functionIndex;
        this.definedIndex = definedIndex;
    }

    /** Ties the function to the instance it belongs to, once that instance exists. */
    public void bind(Instance instance) {
        this.instance = instance;
    }

    @Override
    public Store store() {
        return instance.store();
    }

    public Instance instance() {
        return instance;
    }

    public int functionIndex() {
        return functionIndex;
    }

    /** The pre-decoded code, prepared on first call. */
    Code code() {
        Code prepared = code;
        if (prepared == null) {
            prepared = CodeCompiler.compile(instance.module(), definedIndex, type());
            code = prepared;
        }
        return prepared;
    }

    @Override
    public void invoke(Machine machine, int base) {
        Interpreter.execute(this, machine, base);
    }
}
