package dev.arabica.runtime.compiler;

import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses regions to move out of a method that is too large. The candidates are runs of
 * consecutive statements of each block body, each at most half the limit; the largest are moved
 * out first, wherever they are, until what stays fits. A run holding a {@code br_table} goes last:
 * in an interpreter's loop that is the dispatch, which runs once per interpreted operation and
 * should stay in the method together with the operations small enough to stay too, rather than
 * cost a call before each of them. See RATIONALE.md.
 */
final class RegionPlanner {

    private final SizeProfile profile;
    private final List<Instruction> instructions;
    private final int target;
    private final int run;
    /** How many {@code br_table}s come before each instruction. */
    private final int[] tablesBefore;

    private RegionPlanner(SizeProfile profile, List<Instruction> instructions, int limit) {
        this.profile = profile;
        this.instructions = instructions;
        this.target = limit - limit / 10;
        this.run = limit / 2;
        this.tablesBefore = new int[instructions.size() + 1];
        for (int i = 0; i < instructions.size(); i++) {
            tablesBefore[i + 1] = tablesBefore[i] + (instructions.get(i).opcode() == Opcode.BR_TABLE ? 1 : 0);
        }
    }

    /** Regions by start index, none inside another; empty if no cut helps. */
    static Map<Integer, Region> plan(SizeProfile profile, int limit, List<Instruction> instructions) {
        return new RegionPlanner(profile, instructions, limit).choose();
    }

    private Map<Integer, Region> choose() {
        List<int[]> candidates = candidates();
        candidates.sort(Comparator.comparing(this::dispatches)
                .thenComparing(Comparator.comparingInt((int[] range) -> profile.size(range[0], range[1])).reversed()));
        TreeMap<Integer, Region> chosen = new TreeMap<>();
        int left = profile.size(profile.start(), profile.end());
        for (int[] range : candidates) {
            if (left <= target) {
                break;
            }
            if (overlapsChosen(chosen, range)) {
                continue;
            }
            Region region = Region.of(instructions, range[0], range[1], profile.size(range[0], range[1]));
            if (region == null) {
                continue;
            }
            int saved = profile.size(range[0], range[1]) - callCost(region);
            if (saved > 0) {
                chosen.put(range[0], region);
                left -= saved;
            }
        }
        return chosen;
    }

    /** Each block body's statements, cut into runs of at most {@code run} bytes where statements allow. */
    private List<int[]> candidates() {
        Map<Integer, List<Integer>> statementsByBody = new LinkedHashMap<>();
        for (int i = profile.start(); i <= profile.end(); i++) {
            if (profile.startsStatement(i)) {
                statementsByBody.computeIfAbsent(profile.blockBody(i), body -> new ArrayList<>()).add(i);
            }
        }
        List<int[]> runs = new ArrayList<>();
        for (List<Integer> starts : statementsByBody.values()) {
            int from = starts.get(0);
            for (int j = 1; j < starts.size(); j++) {
                int previous = starts.get(j - 1);
                if (profile.size(from, starts.get(j)) > run && previous > from) {
                    addRun(runs, from, previous);
                    from = previous;
                }
            }
            addRun(runs, from, starts.get(starts.size() - 1));
        }
        return runs;
    }

    private void addRun(List<int[]> runs, int from, int to) {
        boolean everything = from == profile.start() && to == profile.end();
        if (to > from && !everything) {
            runs.add(new int[] {from, to});
        }
    }

    private static boolean overlapsChosen(TreeMap<Integer, Region> chosen, int[] range) {
        Map.Entry<Integer, Region> before = chosen.floorEntry(range[0]);
        if (before != null && before.getValue().end() > range[0]) {
            return true;
        }
        Map.Entry<Integer, Region> after = chosen.ceilingEntry(range[0]);
        return after != null && after.getKey() < range[1];
    }

    /** True if the range holds a {@code br_table}. */
    private boolean dispatches(int[] range) {
        return tablesBefore[range[1]] > tablesBefore[range[0]];
    }

    /** What calling a region costs where it was: the call with its arguments, and a branch per exit. */
    private static int callCost(Region region) {
        return 24 + 16 * region.exits().length;
    }
}
