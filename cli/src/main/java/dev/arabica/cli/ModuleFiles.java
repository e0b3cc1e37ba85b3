package dev.arabica.cli;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Module;
import dev.arabica.text.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a module from a file: binary if it starts with the WebAssembly magic, text otherwise. */
final class ModuleFiles {

    private ModuleFiles() {
    }

    static boolean isBinary(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
    }

    /** The module in {@code file}; throws the parser's or decoder's exception when it is not one. */
    static Module read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return isBinary(bytes) ? ModuleDecoder.decode(bytes) : Wat.parseModule(new String(bytes, StandardCharsets.UTF_8));
    }
}
