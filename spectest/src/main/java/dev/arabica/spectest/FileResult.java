package dev.arabica.spectest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What running one script file gave: counts per command kind, failures, and error-text agreement. */
public final class FileResult {

    /** A command that did not pass, or an expected error whose text we did not reproduce. */
    public record Note(int line, CommandKind kind, String detail) {
        @Override
        public String toString() {
            return "line " + line + ": " + kind.keyword() + ": " + detail;
        }
    }

    private final String file;
    private final Map<CommandKind, Tally> byKind = new EnumMap<>(CommandKind.class);
    private final List<Note> failures = new ArrayList<>();
    private final List<Note> textMismatches = new ArrayList<>();
    private int expectedTexts;

    public FileResult(String file) {
        this.file = file;
    }

    void record(int line, CommandKind kind, Outcome outcome) {
        byKind.computeIfAbsent(kind, k -> new Tally()).add(outcome.status());
        if (outcome.status() == Outcome.Status.FAILED) {
            failures.add(new Note(line, kind, outcome.detail()));
        }
    }

    /** Records whether an expected error text was a substring of the error we reported. */
    void recordErrorText(int line, CommandKind kind, String expected, String actual) {
        expectedTexts++;
        if (!actual.contains(expected)) {
            textMismatches.add(new Note(line, kind, "expected \"" + expected + "\", got \"" + actual + "\""));
        }
    }

    /** A script that could not be read or parsed at all counts as one failed command. */
    void recordScriptError(String detail) {
        record(0, CommandKind.MODULE, Outcome.failed("script: " + detail));
    }

    public String file() {
        return file;
    }

    public Map<CommandKind, Tally> byKind() {
        return Collections.unmodifiableMap(byKind);
    }

    public Tally total() {
        Tally total = new Tally();
        byKind.values().forEach(total::add);
        return total;
    }

    public List<Note> failures() {
        return Collections.unmodifiableList(failures);
    }

    public List<Note> textMismatches() {
        return Collections.unmodifiableList(textMismatches);
    }

    /** How many malformed/invalid assertions carried an expected error text. */
    public int expectedTexts() {
        return expectedTexts;
    }

    public int matchedTexts() {
        return expectedTexts - textMismatches.size();
    }
}
