package dev.arabica.wasi;

/**
 * The guest called {@code proc_exit}: execution stops and the exit code reaches the embedder. It is
 * not a trap; the JVM keeps running, and the store stays usable.
 */
public final class WasiExit extends RuntimeException {

    private final int exitCode;

    public WasiExit(int exitCode) {
        super("the guest exited with code " + exitCode, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
