package dev.arabica.format;

/**
 * The bytes are not a well-formed WebAssembly binary: the decoder could not read them as a module.
 * The message is the reason alone; {@link #offset()} says where in the input it was found.
 */
public final class MalformedModuleException extends WasmFormatException {

    public MalformedModuleException(String reason, long offset) {
        super(reason, offset);
    }
}
