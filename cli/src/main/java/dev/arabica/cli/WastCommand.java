package dev.arabica.cli;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.spectest.ExecutionHarness;
import dev.arabica.spectest.InterpreterHarness;
import dev.arabica.spectest.Reports;
import dev.arabica.spectest.ScriptRunner;
import dev.arabica.spectest.StaticOnlyHarness;
import dev.arabica.spectest.SuiteResult;
import dev.arabica.spectest.SuiteRunner;
import dev.arabica.spectest.Tally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabica wast}: runs spec test scripts and reports pass/fail counts. */
@Command(name = "wast", mixinStandardHelpOptions = true,
        description = {"Runs WebAssembly spec test scripts (.wast files, or folders searched recursively).",
            "Prints one line per file and ends with 'N passed, N failed, N skipped'; exits 1 if anything failed.",
            "Without PATH, runs the suite named by the arabica.testsuite system property."})
final class WastCommand implements Callable<Integer> {

    enum EngineChoice { none, interpreter, compiler }

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "none",
            description = "Execution engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, which only"
                    + " decodes, parses and validates, and counts execution commands as skipped).")
    EngineChoice engine;

    @Option(names = "--compiled-method-limit", paramLabel = "BYTES",
            description = "Split compiled functions into JVM methods of at most this much bytecode"
                    + " (default: chosen for the JVM, see Engine.Builder.compiledMethodLimit); small values test"
                    + " the splitting.")
    Integer compiledMethodLimit;

    @Option(names = "--report", paramLabel = "FILE.tsv", description = "Write one row per file and command kind.")
    Path report;

    @Option(names = "--markdown", paramLabel = "FILE.md", description = "Write a conformance report in Markdown.")
    Path markdown;

    @Option(names = {"-v", "--verbose"}, description = "List every failure and every error-text mismatch.")
    boolean verbose;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Script files or folders.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        List<Path> roots = paths != null && !paths.isEmpty() ? paths : List.of(defaultSuite());
        for (Path root : roots) {
            if (!Files.exists(root)) {
                System.err.println("arabica wast: no such file or folder: " + root);
                return 2;
            }
        }
        Supplier<ExecutionHarness> harnesses;
        if (engine != EngineChoice.none) {
            Engine.Builder builder = Engine.builder()
                    .mode(engine == EngineChoice.compiler ? ExecutionMode.COMPILER : ExecutionMode.INTERPRETER);
            if (compiledMethodLimit != null) {
                builder.compiledMethodLimit(compiledMethodLimit);
            }
            Engine shared = builder.build();
            harnesses = () -> new InterpreterHarness(shared);
        } else {
            harnesses = StaticOnlyHarness::new;
        }
        SuiteRunner runner = new SuiteRunner(new ScriptRunner(harnesses), System.out, verbose);
        List<SuiteResult> suites = runner.run(roots);
        if (report != null) {
            Reports.writeTsv(suites, report);
        }
        if (markdown != null) {
            String description = engine == EngineChoice.none ? "static checks only (decode, parse, validate)" : engine.name();
            Reports.writeMarkdown(suites, description, "bin/arabica wast --engine " + engine + " --markdown " + markdown
                    + " " + String.join(" ", roots.stream().map(Path::toString).toList()), markdown);
        }
        Tally total = new Tally();
        suites.forEach(s -> total.add(s.total()));
        for (SuiteResult suite : suites) {
            System.out.println(suite.name() + ": error texts matched " + Reports.share(suite.matchedTexts(), suite.expectedTexts()));
        }
        System.out.println(total);
        return total.failed() == 0 ? 0 : 1;
    }

    private static Path defaultSuite() {
        return Path.of(System.getProperty("arabica.testsuite", "../shared/wasm-testsuite"));
    }
}
