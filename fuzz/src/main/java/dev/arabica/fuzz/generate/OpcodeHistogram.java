package dev.arabica.fuzz.generate;

import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Global;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import java.util.EnumSet;
import java.util.Set;

/** How often each opcode occurs in generated modules, read off the modules themselves. */
public final class OpcodeHistogram {

    private final long[] counts = new long[Opcode.values().length];

    /** The opcodes the generator claims to cover: every instruction of WebAssembly 2.0, SIMD included. */
    public static Set<Opcode> claimed() {
        Set<Opcode> claimed = EnumSet.noneOf(Opcode.class);
        for (Opcode op : Opcode.values()) {
            if (op.feature().inWasm2()) {
                claimed.add(op);
            }
        }
        return claimed;
    }

    /** Counts every instruction of {@code module}: function bodies and constant expressions. */
    public void add(Module module) {
        for (Function function : module.functions()) {
            add(function.body());
        }
        for (Global global : module.globals()) {
            add(global.init());
        }
        for (ElementSegment segment : module.elements()) {
            segment.init().forEach(this::add);
        }
    }

    private void add(Expr expr) {
        for (Instruction instruction : expr.instructions()) {
            counts[instruction.opcode().ordinal()]++;
        }
    }

    public void addAll(OpcodeHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long count(Opcode op) {
        return counts[op.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** The claimed opcodes that never occurred. */
    public Set<Opcode> missing() {
        Set<Opcode> missing = EnumSet.noneOf(Opcode.class);
        for (Opcode op : claimed()) {
            if (counts[op.ordinal()] == 0) {
                missing.add(op);
            }
        }
        return missing;
    }

    /** One line per claimed opcode, most frequent first, for the fuzzer's report. */
    public String report() {
        StringBuilder out = new StringBuilder();
        claimed().stream()
                .sorted((a, b) -> Long.compare(counts[b.ordinal()], counts[a.ordinal()]))
                .forEach(op -> out.append(String.format("%12d  %s%s%n", counts[op.ordinal()],
                        op == Opcode.SELECT_TYPED ? "select (typed)" : op.mnemonic(),
                        op.feature() == Feature.SIMD ? "  (simd)" : "")));
        return out.toString();
    }
}
