package dev.arabica.fuzz.generate;

import java.util.List;
import java.util.SplittableRandom;

/** The generator's only source of randomness, so that a module is a pure function of its seed. */
public final class Rng {

    private final SplittableRandom random;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A uniform integer in {@code [0, bound)}; {@code bound} must be positive. */
    public int below(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform integer in {@code [from, to]}. */
    public int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public int nextInt() {
        return random.nextInt();
    }

    public long nextLong() {
        return random.nextLong();
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    public int pick(int[] items) {
        return items[random.nextInt(items.length)];
    }

    public long pick(long[] items) {
        return items[random.nextInt(items.length)];
    }

    /**
     * An index into {@code weights} chosen with probability proportional to its weight; weights of
     * zero are never chosen, and at least one must be positive.
     */
    public int weighted(int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable: roll beyond the total weight");
    }
}
