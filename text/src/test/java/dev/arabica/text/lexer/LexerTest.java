package dev.arabica.text.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.text.TextParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    @Test
    void skipsNestedBlockCommentsLineCommentsAndAnnotations() {
        List<Token> tokens = Lexer.tokenize("(; a (; b ;) c ;) x ;; y\n (@note \"s\" (z)) $id");
        assertThat(tokens).extracting(Token::text).containsExactly("x", "id");
    }

    @Test
    void decodesStringEscapesToBytes() {
        Token string = Lexer.tokenize("\"a\\t\\n\\\\\\\"\\ff\\u{263a}\"").get(0);
        assertThat(string.bytes()).containsExactly('a', '\t', '\n', '\\', '"', 0xFF, 0xE2, 0x98, 0xBA);
        assertThat(string.utf8()).isNull();
    }

    @Test
    void rejectsEscapesWhoseDigitsAreNotAsciiHex() {
        assertThatThrownBy(() -> Lexer.tokenize("\"\\u{-f4a9}\"")).isInstanceOf(TextParseException.class)
                .hasMessage("1:3: illegal escape");
        assertThatThrownBy(() -> Lexer.tokenize("\"\\u{+41}\"")).hasMessage("1:3: illegal escape");
        assertThatThrownBy(() -> Lexer.tokenize("\"\\u{110000000}\"")).hasMessage("1:3: illegal escape: invalid code point");
        assertThatThrownBy(() -> Lexer.tokenize("\"\\\u0663\u0663\"")).hasMessage("1:3: illegal escape");
    }

    @Test
    void readsQuotedIdentifiers() {
        Token id = Lexer.tokenize("$\"hello world\"").get(0);
        assertThat(id.kind()).isEqualTo(Token.Kind.ID);
        assertThat(id.text()).isEqualTo("hello world");
    }

    @Test
    void reportsLineAndColumn() {
        Token token = Lexer.tokenize("(module\n  (func))").get(3);
        assertThat(token.line()).isEqualTo(2);
        assertThat(token.column()).isEqualTo(4);
    }

    @Test
    void rejectsTokensThatAreNotSeparated() {
        assertThatThrownBy(() -> Lexer.tokenize("\"a\"\"b\"")).isInstanceOf(TextParseException.class)
                .hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> Lexer.tokenize("$x\"a\"")).hasMessageContaining("unknown operator");
    }

    @Test
    void rejectsIllegalCharactersAndUnclosedComments() {
        assertThatThrownBy(() -> Lexer.tokenize("(func \u0001)")).hasMessageContaining("illegal character");
        assertThatThrownBy(() -> Lexer.tokenize("(; open")).hasMessageContaining("unclosed comment");
    }
}
