package dev.arabica.runtime;

import dev.arabica.format.model.Opcode;
import java.util.Arrays;

/**
 * What each instruction costs when an engine meters fuel. By default every instruction costs 1,
 * except the ones that only mark structure ({@code nop}, {@code block}, {@code loop}, {@code else},
 * {@code end}), which cost 0. Immutable; {@link #with} returns a changed copy.
 */
public final class FuelCosts {

    private static final FuelCosts DEFAULTS = new FuelCosts(defaultTable());

    private final int[] costs;

    private FuelCosts(int[] costs) {
        this.costs = costs;
    }

    public static FuelCosts defaults() {
        return DEFAULTS;
    }

    /** A copy in which {@code opcode} costs {@code cost} units. */
    public FuelCosts with(Opcode opcode, int cost) {
        if (cost < 0) {
            throw new IllegalArgumentException("the fuel cost of " + opcode.mnemonic() + " must not be negative: " + cost);
        }
        int[] changed = costs.clone();
        changed[opcode.ordinal()] = cost;
        return new FuelCosts(changed);
    }

    public int cost(Opcode opcode) {
        return costs[opcode.ordinal()];
    }

    private static int[] defaultTable() {
        int[] table = new int[Opcode.values().length];
        Arrays.fill(table, 1);
        for (Opcode free : new Opcode[] {Opcode.NOP, Opcode.BLOCK, Opcode.LOOP, Opcode.ELSE, Opcode.END}) {
            table[free.ordinal()] = 0;
        }
        return table;
    }
}
