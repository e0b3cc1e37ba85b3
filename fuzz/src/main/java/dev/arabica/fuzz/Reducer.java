package dev.arabica.fuzz;

import dev.arabica.format.model.Module;
import dev.arabica.fuzz.generate.Fuel;
import dev.arabica.fuzz.generate.GeneratedModule;
import dev.arabica.text.Wat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a module on which the engines disagree. The module is printed one instruction or field
 * per line ({@link WatPrinter}) and lines are deleted in chunks that halve down to single lines;
 * a deletion stays when the rest parses, validates and still disagrees the same way (same
 * {@link #signature}). The lines that keep programs terminating (the fuel global, its export and
 * every fuel charge) are never deleted, so no candidate can run forever.
 */
public final class Reducer {

    private static final Pattern FUEL_EXPORT = Pattern.compile("\\(export \"" + Fuel.EXPORT + "\" \\(global (\\d+)\\)\\)");

    private final Predicate<String> stillFails;
    private final Consumer<String> log;
    private int candidates;

    private Reducer(Predicate<String> stillFails, Consumer<String> log) {
        this.stillFails = stillFails;
        this.log = log;
    }

    /** The kind of the first difference: the exception of a crash, otherwise its words up to the first number. */
    static String signature(List<String> differences) {
        if (differences.isEmpty()) {
            return null;
        }
        String first = differences.get(0);
        int crash = first.indexOf("crash: ");
        if (crash >= 0) {
            String exception = first.substring(crash + "crash: ".length());
            return "crash " + exception.split("[:\\s]", 2)[0];
        }
        return first.replaceFirst("\\d.*$", "").trim();
    }

    /** The reduced module's text; throws if the engines agree on the module to begin with. */
    public static String reduce(GeneratedModule generated, long seed, Consumer<String> log) {
        boolean canonicalNans = generated.canonicalNans();
        String signature = signature(DifferentialFuzz.compare(generated.module(), seed, canonicalNans).differences());
        if (signature == null) {
            throw new IllegalArgumentException("the engines agree on the module of seed " + seed);
        }
        log.accept("reducing seed " + seed + ", keeping the difference \"" + signature + "\"");
        return reduce(WatPrinter.print(generated.module()), text -> {
            try {
                Module module = Wat.parseModule(text);
                return signature.equals(signature(DifferentialFuzz.compare(module, seed, canonicalNans).differences()));
            } catch (RuntimeException e) {
                return false;
            }
        }, log);
    }

    /** Deletes lines of {@code text}, except the protected ones, as long as {@code stillFails} holds of the rest. */
    static String reduce(String text, Predicate<String> stillFails, Consumer<String> log) {
        return new Reducer(stillFails, log).reduce(List.of(text.split("\n")));
    }

    /** A line of the module's text; protected lines are never deleted. */
    private record Line(String text, boolean isProtected) {
    }

    private String reduce(List<String> original) {
        List<Line> lines = protect(original);
        int chunk = Math.max(lines.size() / 2, 1);
        while (true) {
            boolean progress = false;
            for (int start = 0; start < lines.size(); ) {
                int end = Math.min(start + chunk, lines.size());
                List<Line> candidate = new ArrayList<>(lines.subList(0, start));
                candidate.addAll(lines.subList(end, lines.size()));
                boolean deletable = lines.subList(start, end).stream().noneMatch(Line::isProtected);
                if (deletable && stillFails(candidate)) {
                    lines = candidate;
                    progress = true;
                } else {
                    start = end;
                }
            }
            log.accept(String.format("chunks of %d lines: %d lines left after %d candidates", chunk, lines.size(),
                    candidates));
            if (!progress) {
                if (chunk == 1) {
                    return text(lines);
                }
                chunk /= 2;
            }
        }
    }

    /**
     * Marks the lines that bound execution: the fuel global's export and definition, and each fuel
     * charge ({@code global.get}, {@code i32.eqz}, ..., {@code global.set} of the fuel global).
     */
    private static List<Line> protect(List<String> text) {
        boolean[] marked = new boolean[text.size()];
        int fuelGlobal = -1;
        for (int i = 0; i < text.size(); i++) {
            Matcher matcher = FUEL_EXPORT.matcher(text.get(i).trim());
            if (matcher.matches()) {
                fuelGlobal = Integer.parseInt(matcher.group(1));
                marked[i] = true;
            }
            marked[i] |= text.get(i).trim().equals("(global (mut i32) (i32.const " + Fuel.BUDGET + "))");
        }
        List<String> charge = List.of("global.get " + fuelGlobal, "i32.eqz", "if", "unreachable", "end",
                "global.get " + fuelGlobal, "i32.const 1", "i32.sub", "global.set " + fuelGlobal);
        for (int i = 0; i + charge.size() <= text.size(); i++) {
            boolean matches = true;
            for (int j = 0; j < charge.size() && matches; j++) {
                matches = text.get(i + j).trim().equals(charge.get(j));
            }
            for (int j = 0; matches && j < charge.size(); j++) {
                marked[i + j] = true;
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            lines.add(new Line(text.get(i), marked[i]));
        }
        return lines;
    }

    private static String text(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    private boolean stillFails(List<Line> lines) {
        candidates++;
        return stillFails.test(text(lines));
    }
}
