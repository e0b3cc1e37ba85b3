package dev.arabica.runtime.ops;

import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;

/**
 * A store's fuel, held by each of its instances so that both engines reach it in one step. Code
 * charges runs of instructions as it enters them, and checks at function entries and loop
 * iterations (see {@link FuelPlan}), so the amount may dip below zero by the runs charged since
 * the last check before the code traps.
 */
public final class FuelTank {

    private long remaining;

    /** What is left; negative once code has spent more than it had and is about to trap. */
    public long remaining() {
        return remaining;
    }

    public void set(long fuel) {
        remaining = fuel;
    }

    public void charge(long cost) {
        remaining -= cost;
    }

    public void chargeAndCheck(long cost) {
        remaining -= cost;
        if (remaining < 0) {
            throw new Trap(TrapKind.OUT_OF_FUEL);
        }
    }
}
