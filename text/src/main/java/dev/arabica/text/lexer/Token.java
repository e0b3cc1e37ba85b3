package dev.arabica.text.lexer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A token of the text format. Strings keep their decoded bytes, since data strings need not be
 * UTF-8; identifiers keep their name without the {@code $}.
 */
public record Token(Kind kind, String text, byte[] bytes, int line, int column) {

    public enum Kind {
        LPAREN,
        RPAREN,
        /** Keywords, numbers and reserved words: everything made of idchars that is not an id. */
        ATOM,
        ID,
        STRING
    }

    public boolean is(Kind kind, String text) {
        return this.kind == kind && this.text.equals(text);
    }

    public boolean isKeyword(String keyword) {
        return kind == Kind.ATOM && text.equals(keyword);
    }

    /** The string's bytes as UTF-8 text, or null if they are not valid UTF-8. */
    public String utf8() {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LPAREN -> "(";
            case RPAREN -> ")";
            case ID -> "$" + text;
            case STRING -> "\"" + text + "\"";
            case ATOM -> text;
        };
    }
}
