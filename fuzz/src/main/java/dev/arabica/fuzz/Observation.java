package dev.arabica.fuzz;

import dev.arabica.runtime.TrapKind;
import java.util.List;

/**
 * Everything one engine showed while running one module, in engine-independent form: how
 * instantiation ended, how each planned call ended, the host calls made, and the final state.
 * After a failed instantiation there are no calls and no state.
 */
record Observation(Outcome instantiation, List<Outcome> calls, List<TracedCall> trace, byte[] memory,
        List<Observed> globals, List<List<Observed>> tables) {

    /**
     * How instantiation or one call ended: with results, a trap, or a crash (any other exception,
     * always a bug); the module's fuel global afterwards ({@code fuelLeft}); and the store's
     * metered fuel afterwards ({@code storeFuelLeft}, -1 when the engine does not meter fuel).
     */
    record Outcome(List<Observed> results, TrapKind trap, String crash, int fuelLeft, long storeFuelLeft) {

        static Outcome returned(List<Observed> results, int fuelLeft, long storeFuelLeft) {
            return new Outcome(results, null, null, fuelLeft, storeFuelLeft);
        }

        static Outcome trapped(TrapKind trap, int fuelLeft, long storeFuelLeft) {
            return new Outcome(List.of(), trap, null, fuelLeft, storeFuelLeft);
        }

        static Outcome crashed(String crash) {
            return new Outcome(List.of(), null, crash, -1, -1);
        }

        @Override
        public String toString() {
            return crash != null ? "crash: " + crash : trap != null ? "trap: " + trap.message() : "returned " + results;
        }
    }

    /** A host call as the host saw it. */
    record TracedCall(String name, List<Observed> args) {
    }
}
