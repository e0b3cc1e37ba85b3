package dev.arabica.runtime.ops;

import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;

/**
 * A store's remaining fuel, held by each of its instances so that both engines reach it in one
 * step. Code charges a straight-line run of instructions at its start (see {@link FuelPlan}); a
 * run that costs more than what is left traps before it starts, and leaves the tank as it was.
 */
public final class FuelTank {

    private long remaining;

    public long remaining() {
        return remaining;
    }

    public void set(long fuel) {
        remaining = fuel;
    }

    public void consume(long cost) {
        long left = remaining - cost;
        if (left < 0) {
            throw new Trap(TrapKind.OUT_OF_FUEL);
        }
        remaining = left;
    }
}
