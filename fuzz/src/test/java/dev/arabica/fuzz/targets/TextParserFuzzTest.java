package dev.arabica.fuzz.targets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.arabica.format.MalformedModuleException;
import dev.arabica.text.TextParseException;
import dev.arabica.text.Wat;
import dev.arabica.text.wast.Command;
import dev.arabica.text.wast.ModuleSource;
import dev.arabica.text.wast.Script;
import dev.arabica.text.wast.WastParser;
import java.nio.charset.StandardCharsets;

/**
 * The text parsers on arbitrary text: the input as one module ({@code .wat}), then as a script
 * ({@code .wast}) whose modules are each parsed too. They return or throw {@link TextParseException}
 * (or, for a script's {@code (module binary ...)}, the decoder's {@link MalformedModuleException}).
 */
class TextParserFuzzTest {

    @FuzzTest
    void parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            Wat.parseModule(text);
        } catch (TextParseException rejected) {
            requirePosition(rejected);
        }
        Script script;
        try {
            script = WastParser.parse(text, "fuzz.wast");
        } catch (TextParseException rejected) {
            requirePosition(rejected);
            return;
        }
        for (Command command : script.commands()) {
            ModuleSource module = command.moduleSource();
            if (module != null) {
                parseModule(module);
            }
        }
    }

    private static void parseModule(ModuleSource module) {
        try {
            module.toModule();
        } catch (TextParseException rejected) {
            requirePosition(rejected);
        } catch (MalformedModuleException rejected) {
            if (!(module instanceof ModuleSource.Binary binary)) {
                throw new AssertionError("a text module rejected with a binary decoder error", rejected);
            }
            FuzzAssertions.requireLocatedInside(rejected, binary.bytes().length);
        }
    }

    private static void requirePosition(TextParseException e) {
        if (e.line() < 1 || e.column() < 1 || e.reason() == null || e.reason().isBlank()) {
            throw new AssertionError("text error without a position or reason: " + e.getMessage(), e);
        }
    }
}
