package dev.arabica.spectest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs every {@code .wast} script under the given paths and prints one line per file. */
public final class SuiteRunner {

    private final ScriptRunner scripts;
    private final PrintStream out;
    private final boolean verbose;

    public SuiteRunner(ScriptRunner scripts, PrintStream out, boolean verbose) {
        this.scripts = scripts;
        this.out = out;
        this.verbose = verbose;
    }

    /** Runs each root (a script file or a folder searched recursively), in order. */
    public List<SuiteResult> run(List<Path> roots) {
        List<SuiteResult> results = new ArrayList<>();
        for (Path root : roots) {
            SuiteResult suite = new SuiteResult(root.toString());
            for (Path file : scriptsUnder(root)) {
                String name = Files.isDirectory(root) ? root.relativize(file).toString() : file.getFileName().toString();
                FileResult result = scripts.run(file, name);
                suite.add(result);
                print(suite.name(), result);
            }
            results.add(suite);
        }
        return results;
    }

    private void print(String suite, FileResult result) {
        Tally total = result.total();
        String status = total.failed() == 0 ? "ok  " : "FAIL";
        out.printf("%s %s/%s: %s%n", status, suite, result.file(), total);
        int shown = 0;
        for (FileResult.Note failure : result.failures()) {
            if (!verbose && shown++ == 5) {
                out.printf("       ... %d more failures (use --verbose)%n", result.failures().size() - 5);
                break;
            }
            out.println("       " + failure);
        }
        if (verbose) {
            result.textMismatches().forEach(note -> out.println("       text: " + note));
        }
    }

    /** The scripts under {@code root}, sorted by path so that runs are reproducible. */
    public static List<Path> scriptsUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".wast") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
