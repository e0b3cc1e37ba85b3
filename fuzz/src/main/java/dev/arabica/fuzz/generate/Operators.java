package dev.arabica.fuzz.generate;

import dev.arabica.format.model.Feature;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import dev.arabica.format.validation.OperatorSignatures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain numeric and vector operators of WebAssembly 2.0 (those whose typing depends only on
 * the opcode), indexed by what they produce and what they take. The signatures come from the
 * validator's own table, so generator and validator cannot disagree on them.
 */
final class Operators {

    private static final Operators SCALAR = new Operators(false);
    private static final Operators WITH_SIMD = new Operators(true);

    private final Map<ValType, List<Opcode>> byResult = new HashMap<>();
    private final Map<List<ValType>, List<Opcode>> byUnaryConversion = new HashMap<>();
    private final Map<Opcode, FuncType> signatures = new EnumMap<>(Opcode.class);

    private Operators(boolean simd) {
        for (Opcode op : Opcode.values()) {
            FuncType signature = OperatorSignatures.of(op);
            if (signature == null || !op.feature().inWasm2() || (op.feature() == Feature.SIMD && !simd)) {
                continue;
            }
            signatures.put(op, signature);
            byResult.computeIfAbsent(signature.results().get(0), t -> new ArrayList<>()).add(op);
            if (signature.params().size() == 1) {
                byUnaryConversion.computeIfAbsent(List.of(signature.params().get(0), signature.results().get(0)),
                        k -> new ArrayList<>()).add(op);
            }
        }
    }

    static Operators of(boolean simd) {
        return simd ? WITH_SIMD : SCALAR;
    }

    /** The operators whose single result has type {@code type}; empty if none. */
    List<Opcode> producing(ValType type) {
        return byResult.getOrDefault(type, List.of());
    }

    /** The unary operators from {@code from} to {@code to}, which turn a value of one type into another. */
    List<Opcode> converting(ValType from, ValType to) {
        return byUnaryConversion.getOrDefault(List.of(from, to), List.of());
    }

    FuncType signature(Opcode op) {
        return signatures.get(op);
    }

    /** Every operator, in opcode order. */
    List<Opcode> all() {
        return List.copyOf(signatures.keySet());
    }
}
