package dev.arabica.runtime.compiler;

import dev.arabica.format.model.ValType;
import java.util.List;

/**
 * A region as its method sees it: what the labels outside it carry (innermost first, the
 * function's own, a return, last), its method's descriptor, and what its function's method
 * computed once for all its regions: the room for carried values in the local arrays and the
 * fuel charges (null without fuel).
 */
record RegionScope(Region region, List<List<ValType>> exits, String descriptor, int carriedRoom, long[] fuelCharges) {
}
