package dev.arabica.runtime;

/** A function implemented in Java: takes the arguments, returns the results (in type order). */
@FunctionalInterface
public interface HostFunction {

    Value[] apply(Caller caller, Value[] args);
}
