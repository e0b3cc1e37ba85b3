package dev.arabica.runtime.compiler;

/**
 * Set by the engine's epoch ticker once a store's deadline has passed, so that the check compiled
 * into loops is one field read of an object held in a local. The slow path, taken only when it is
 * set, is {@link dev.arabica.runtime.Store#checkEpochDeadline()}.
 */
public final class EpochFlag {

    public volatile boolean expired;
}
