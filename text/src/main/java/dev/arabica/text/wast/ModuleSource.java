package dev.arabica.text.wast;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Module;
import dev.arabica.text.Wat;
import dev.arabica.text.lexer.SExpr;
import java.util.Arrays;

/** How a script writes a module: as text, as binary bytes, or as quoted text. Parsed on demand. */
public sealed interface ModuleSource {

    /** Parses or decodes the module; throws the text parser's or the decoder's exception. */
    Module toModule();

    record Text(SExpr.Node node) implements ModuleSource {
        @Override
        public Module toModule() {
            return Wat.parseModule(node);
        }
    }

    record Binary(byte[] bytes) implements ModuleSource {
        @Override
        public Module toModule() {
            return ModuleDecoder.decode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[" + bytes.length + " bytes]";
        }
    }

    /** {@code (module quote "...")}: the strings hold module fields, or a whole {@code (module ...)}. */
    record Quote(String text) implements ModuleSource {
        @Override
        public Module toModule() {
            return Wat.parseModule(text);
        }
    }
}
