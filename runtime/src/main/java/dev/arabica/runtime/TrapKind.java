package dev.arabica.runtime;

/** Why execution trapped, with the message the specification's tests expect. */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    INTEGER_OVERFLOW("integer overflow"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INVALID_CONVERSION("invalid conversion to integer"),
    MEMORY_OUT_OF_BOUNDS("out of bounds memory access"),
    TABLE_OUT_OF_BOUNDS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    NULL_REFERENCE("null reference"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    /** A memory or table grew past the store's limits, with {@link StoreLimits#trapOnGrowFailure()}. */
    STORE_LIMIT_EXCEEDED("store limit exceeded"),
    /** The store's fuel ran out; it can be refuelled and used again. */
    OUT_OF_FUEL("all fuel consumed"),
    /** The store's epoch deadline passed. */
    INTERRUPT("interrupt"),
    /** A host function refused to go on; the trap's own message says why. */
    HOST("host function trapped");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
