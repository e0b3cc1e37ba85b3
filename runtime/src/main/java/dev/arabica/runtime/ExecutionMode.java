package dev.arabica.runtime;

/** How an engine runs WebAssembly functions. */
public enum ExecutionMode {
    /** Functions compile to JVM bytecode that the JIT turns into machine code; the default. */
    COMPILER,
    /** Functions run in the interpreter, from a pre-decoded form; no compilation delay. */
    INTERPRETER
}
