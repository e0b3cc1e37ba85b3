package dev.arabica.spectest;

import dev.arabica.format.WasmFormatException;
import dev.arabica.format.model.Module;
import dev.arabica.format.validation.Validator;
import dev.arabica.text.TextParseException;
import dev.arabica.text.wast.Command;
import dev.arabica.text.wast.ModuleSource;
import dev.arabica.text.wast.Script;
import dev.arabica.text.wast.WastParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Runs one {@code .wast} script: parses it, then each command in order. Decoding, text parsing
 * and validation are checked here; everything that executes code goes to an {@link ExecutionHarness}.
 */
public final class ScriptRunner {

    private final Supplier<ExecutionHarness> harnesses;

    public ScriptRunner(Supplier<ExecutionHarness> harnesses) {
        this.harnesses = harnesses;
    }

    public FileResult run(Path file, String displayName) {
        FileResult result = new FileResult(displayName);
        Script script;
        try {
            String source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            script = WastParser.parse(source, displayName);
        } catch (IOException | TextParseException e) {
            result.recordScriptError(e.getMessage());
            return result;
        }
        ExecutionHarness harness = harnesses.get();
        for (Command command : script.commands()) {
            CommandKind kind = CommandKind.of(command);
            Outcome outcome;
            try {
                outcome = run(command, kind, harness, result);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                outcome = Outcome.failed("unexpected " + e);
            }
            result.record(command.line(), kind, outcome);
        }
        return result;
    }

    private Outcome run(Command command, CommandKind kind, ExecutionHarness harness, FileResult result) {
        if (command instanceof Command.ModuleCommand module) {
            return runModule(module, harness);
        } else if (command instanceof Command.AssertMalformed a) {
            return expectRejection(a.line(), kind, a.module(), a.message(), result);
        } else if (command instanceof Command.AssertInvalid a) {
            return expectRejection(a.line(), kind, a.module(), a.message(), result);
        } else if (command instanceof Command.AssertMalformedCustom a) {
            return expectRejection(a.line(), kind, a.module(), a.message(), result);
        } else if (command instanceof Command.AssertInvalidCustom a) {
            return expectRejection(a.line(), kind, a.module(), a.message(), result);
        } else if (command instanceof Command.AssertUnlinkable a) {
            return staticallyValidThen(a.module(), command, harness);
        } else if (command instanceof Command.AssertTrap a && a.module() != null) {
            return staticallyValidThen(a.module(), command, harness);
        }
        return harness.execute(command);
    }

    private static Outcome runModule(Command.ModuleCommand command, ExecutionHarness harness) {
        Module module;
        try {
            module = load(command.source());
        } catch (TextParseException | WasmFormatException e) {
            return Outcome.failed("module rejected: " + describe(e));
        }
        return harness.module(command, module);
    }

    /** Assertions about linking or instantiation first need a module that decodes and validates. */
    private static Outcome staticallyValidThen(ModuleSource source, Command command, ExecutionHarness harness) {
        try {
            load(source);
        } catch (TextParseException | WasmFormatException e) {
            return Outcome.failed("module rejected: " + describe(e));
        }
        return harness.execute(command);
    }

    private static Outcome expectRejection(int line, CommandKind kind, ModuleSource source, String expected,
            FileResult result) {
        try {
            load(source);
        } catch (TextParseException | WasmFormatException e) {
            result.recordErrorText(line, kind, expected, describe(e));
            return Outcome.PASSED;
        }
        return Outcome.failed("module was accepted, expected \"" + expected + "\"");
    }

    /**
     * Parses or decodes the module for the features the validator supports, then validates it; a
     * binary module as engines compile one, its function bodies validated from their bytes.
     */
    private static Module load(ModuleSource source) {
        if (source instanceof ModuleSource.Binary binary) {
            return Validator.decodeAndValidate(binary.bytes(), Validator.SUPPORTED).module();
        }
        Module module = source.toModule(Validator.SUPPORTED);
        Validator.validate(module);
        return module;
    }

    private static String describe(RuntimeException e) {
        return e instanceof WasmFormatException f ? f.describe() : e.getMessage();
    }
}
