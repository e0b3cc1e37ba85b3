package dev.arabica.runtime.compiler;

import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which globals a function body reads or writes more than once. A method keeps each one's
 * {@code Global} in a local from its entry: the instance's global of an index never changes, so
 * an access is one field load instead of reloading the instance's array and element, which the
 * JIT must do after every call. See RATIONALE.md.
 */
final class GlobalUses {

    /** Real code uses a handful (C's stack pointer, a few flags); the cap bounds the locals a method adds. */
    static final int MAX_KEPT = 16;

    private GlobalUses() {
    }

    /** The indices, at most {@link #MAX_KEPT}, in the order their second uses come. */
    static List<Integer> repeated(List<Instruction> instructions) {
        Map<Integer, Integer> uses = new HashMap<>();
        List<Integer> repeated = new ArrayList<>();
        for (Instruction instruction : instructions) {
            Opcode op = instruction.opcode();
            if (op == Opcode.GLOBAL_GET || op == Opcode.GLOBAL_SET) {
                int global = ((Instruction.Indexed) instruction).index();
                if (uses.merge(global, 1, Integer::sum) == 2) {
                    repeated.add(global);
                    if (repeated.size() == MAX_KEPT) {
                        break;
                    }
                }
            }
        }
        return repeated;
    }
}
