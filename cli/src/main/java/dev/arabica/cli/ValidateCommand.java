package dev.arabica.cli;

import dev.arabica.format.WasmFormatException;
import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.binary.ModuleEncoder;
import dev.arabica.format.model.Module;
import dev.arabica.format.validation.Validator;
import dev.arabica.text.TextParseException;
import dev.arabica.text.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code arabica validate}: decodes (or parses) and validates modules. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks that each file is a valid WebAssembly module (.wasm binary or .wat text).",
            "Errors are printed as FILE: offset 0x...: reason. For text modules the offset is that of the",
            "module's binary encoding; syntax errors give the line and column instead."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Module files to validate.")
    List<Path> files;

    @Override
    public Integer call() {
        int status = 0;
        for (Path file : files) {
            String error = check(file);
            if (error != null) {
                System.err.println(file + ": " + error);
                status = 1;
            }
        }
        return status;
    }

    /** Null when the module is valid; otherwise the located reason. */
    private static String check(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Module module = ModuleFiles.isBinary(bytes)
                    ? ModuleDecoder.decode(bytes, Validator.SUPPORTED)
                    : ModuleDecoder.decode(ModuleEncoder.encode(Wat.parseModule(new String(bytes, StandardCharsets.UTF_8))));
            Validator.validate(module);
            return null;
        } catch (IOException e) {
            return "cannot read: " + e.getMessage();
        } catch (WasmFormatException e) {
            return e.describe();
        } catch (TextParseException e) {
            return e.getMessage();
        }
    }
}
