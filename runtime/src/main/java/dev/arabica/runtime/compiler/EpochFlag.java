package dev.arabica.runtime.compiler;

/**
 * Set by the engine's epoch ticker once a store's deadline has passed. The interpreter reads it at
 * its checks; compiled code reads it only while its engine's {@link EpochSwitch} is armed. The slow
 * path, taken only when it is set, is {@link dev.arabica.runtime.Store#checkEpochDeadline()}.
 */
public final class EpochFlag {

    public volatile boolean expired;
}
