package dev.arabica.spectest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The results of every script under one root path. */
public final class SuiteResult {

    private final String name;
    private final List<FileResult> files = new ArrayList<>();

    public SuiteResult(String name) {
        this.name = name;
    }

    void add(FileResult file) {
        files.add(file);
    }

    public String name() {
        return name;
    }

    public List<FileResult> files() {
        return Collections.unmodifiableList(files);
    }

    public Tally total() {
        Tally total = new Tally();
        files.forEach(f -> total.add(f.total()));
        return total;
    }

    public Map<CommandKind, Tally> byKind() {
        Map<CommandKind, Tally> byKind = new EnumMap<>(CommandKind.class);
        for (FileResult file : files) {
            file.byKind().forEach((kind, tally) -> byKind.computeIfAbsent(kind, k -> new Tally()).add(tally));
        }
        return byKind;
    }

    public int expectedTexts() {
        return files.stream().mapToInt(FileResult::expectedTexts).sum();
    }

    public int matchedTexts() {
        return files.stream().mapToInt(FileResult::matchedTexts).sum();
    }
}
