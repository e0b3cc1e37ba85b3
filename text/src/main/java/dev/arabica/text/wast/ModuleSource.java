package dev.arabica.text.wast;

import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Feature;
import dev.arabica.format.model.Module;
import dev.arabica.text.TextParseException;
import dev.arabica.text.Wat;
import dev.arabica.text.lexer.SExpr;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/** How a script writes a module: as text, as binary bytes, or as quoted text. Parsed on demand. */
public sealed interface ModuleSource {

    /** Parses or decodes the module with every feature Arabica reads. */
    default Module toModule() {
        return toModule(Feature.all());
    }

    /**
     * Parses or decodes the module, decoding the encodings that differ between versions as
     * {@code features} say; throws the text parser's or the decoder's exception.
     */
    Module toModule(Set<Feature> features);

    record Text(SExpr.Node node) implements ModuleSource {
        @Override
        public Module toModule(Set<Feature> features) {
            return Wat.parseModule(node);
        }
    }

    record Binary(byte[] bytes) implements ModuleSource {
        @Override
        public Module toModule(Set<Feature> features) {
            return ModuleDecoder.decode(bytes, features);
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

    /**
     * {@code (module quote "...")}: the strings' bytes hold module fields, or a whole
     * {@code (module ...)}, as text that must be valid UTF-8.
     */
    record Quote(byte[] bytes) implements ModuleSource {
        @Override
        public Module toModule(Set<Feature> features) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                return Wat.parseModule(text);
            } catch (CharacterCodingException e) {
                throw new TextParseException("malformed UTF-8 encoding", 1, 1);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Quote other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Quote[" + new String(bytes, StandardCharsets.UTF_8) + "]";
        }
    }
}
