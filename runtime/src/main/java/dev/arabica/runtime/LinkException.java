package dev.arabica.runtime;

/** A module could not be linked or instantiated: an import is missing or of the wrong type, or a limit was hit. */
public final class LinkException extends RuntimeException {

    public LinkException(String message) {
        super(message);
    }
}
