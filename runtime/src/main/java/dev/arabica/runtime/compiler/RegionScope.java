package dev.arabica.runtime.compiler;

import dev.arabica.format.model.ValType;
import java.util.List;

/**
 * A region as its method sees it: what the labels outside it carry (innermost first, the
 * function's own, a return, last), and its method's descriptor.
 */
record RegionScope(Region region, List<List<ValType>> exits, String descriptor) {
}
