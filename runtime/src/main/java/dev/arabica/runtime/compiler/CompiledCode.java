package dev.arabica.runtime.compiler;

import java.lang.invoke.MethodHandle;
import java.util.BitSet;

/**
 * A module's compiled functions: for each function index that compiled, the static method of
 * type {@code (Instance, params...) result}; the others run in the interpreter.
 */
public record CompiledCode(MethodHandle[] methods, BitSet compiled) {

    public boolean isCompiled(int function) {
        return compiled.get(function);
    }

    public MethodHandle method(int function) {
        return methods[function];
    }
}
