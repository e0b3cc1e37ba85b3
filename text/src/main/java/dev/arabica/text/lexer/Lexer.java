package dev.arabica.text.lexer;

import dev.arabica.text.TextParseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits WebAssembly text into tokens, dropping white space, comments and annotations. */
public final class Lexer {

    private final String source;
    private int position;
    private int line = 1;
    private int lineStart;

    private Lexer(String source) {
        this.source = source;
    }

    public static List<Token> tokenize(String source) {
        return new Lexer(source).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (position >= source.length()) {
                return tokens;
            }
            char c = source.charAt(position);
            if (c == '(' && peek(1) == '@') {
                skipAnnotation();
            } else if (c == '(') {
                tokens.add(new Token(Token.Kind.LPAREN, "(", null, line, column()));
                position++;
            } else if (c == ')') {
                tokens.add(new Token(Token.Kind.RPAREN, ")", null, line, column()));
                position++;
            } else if (c == '"') {
                tokens.add(string(Token.Kind.STRING, position, true));
            } else if (c == '$') {
                tokens.add(id());
            } else if (isIdChar(c)) {
                tokens.add(atom());
            } else {
                throw illegalCharacter(c);
            }
        }
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < source.length() ? source.charAt(at) : '\0';
    }

    private int column() {
        return position - lineStart + 1;
    }

    private TextParseException illegalCharacter(char c) {
        return error(c >= 0x80 ? "illegal character U+" + Integer.toHexString(c) : "illegal character 0x" + Integer.toHexString(c));
    }

    private TextParseException error(String reason) {
        return new TextParseException(reason, line, column());
    }

    private void newline() {
        line++;
        lineStart = position + 1;
    }

    private void skipSpaceAndComments() {
        while (position < source.length()) {
            char c = source.charAt(position);
            if (c == '\n') {
                newline();
                position++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                position++;
            } else if (c == ';' && peek(1) == ';') {
                while (position < source.length() && source.charAt(position) != '\n' && source.charAt(position) != '\r') {
                    position++;
                }
            } else if (c == '(' && peek(1) == ';') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        do {
            if (position >= source.length()) {
                throw error("unclosed comment");
            }
            char c = source.charAt(position);
            if (c == '(' && peek(1) == ';') {
                depth++;
                position += 2;
            } else if (c == ';' && peek(1) == ')') {
                depth--;
                position += 2;
            } else {
                if (c == '\n') {
                    newline();
                }
                position++;
            }
        } while (depth > 0);
    }

    /** Annotations {@code (@id ...)} are skipped with their balanced contents. */
    private void skipAnnotation() {
        int startLine = line;
        position += 2;
        if (position >= source.length() || !(isIdChar(source.charAt(position)) || source.charAt(position) == '"')) {
            throw error("empty annotation id");
        }
        if (source.charAt(position) == '"') {
            Token id = string(Token.Kind.STRING, position, true);
            if (id.bytes().length == 0) {
                throw error("empty annotation id");
            }
            if (id.utf8() == null) {
                throw error("malformed UTF-8 encoding in an annotation id");
            }
        }
        int depth = 1;
        while (depth > 0) {
            skipSpaceAndComments();
            if (position >= source.length()) {
                throw new TextParseException("unclosed annotation", startLine, 1);
            }
            char c = source.charAt(position);
            if (c == '(') {
                depth++;
                position++;
            } else if (c == ')') {
                depth--;
                position++;
            } else if (c == '"') {
                if (string(Token.Kind.STRING, position, false).utf8() == null) {
                    throw error("malformed UTF-8 encoding in an annotation");
                }
            } else if (isIdChar(c) || c == '$' || ",;[]{}".indexOf(c) >= 0) {
                position++;
            } else {
                throw illegalCharacter(c);
            }
        }
    }

    private Token id() {
        int startColumn = column();
        position++;
        if (position < source.length() && source.charAt(position) == '"') {
            Token quoted = string(Token.Kind.ID, position, true);
            String name = quoted.utf8();
            if (name == null) {
                throw new TextParseException("malformed UTF-8 encoding", line, startColumn);
            }
            if (name.isEmpty()) {
                throw new TextParseException("empty identifier", line, startColumn);
            }
            return new Token(Token.Kind.ID, name, quoted.bytes(), line, startColumn);
        }
        int start = position;
        while (position < source.length() && isIdChar(source.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw new TextParseException("empty identifier", line, startColumn);
        }
        if (position < source.length() && source.charAt(position) == '"') {
            throw error("unknown operator: a string directly after an identifier");
        }
        return new Token(Token.Kind.ID, source.substring(start, position), null, line, startColumn);
    }

    private Token atom() {
        int startColumn = column();
        int start = position;
        while (position < source.length() && isIdChar(source.charAt(position))) {
            position++;
        }
        char next = position < source.length() ? source.charAt(position) : ' ';
        if (next == '"') {
            throw error("unknown operator: a string directly after a keyword");
        }
        return new Token(Token.Kind.ATOM, source.substring(start, position), null, line, startColumn);
    }

    private Token string(Token.Kind kind, int start, boolean separated) {
        int startLine = line;
        int startColumn = column();
        position++;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            if (position >= source.length()) {
                throw new TextParseException("unclosed string", startLine, startColumn);
            }
            char c = source.charAt(position);
            if (c == '"') {
                position++;
                break;
            }
            if (c == '\n' || c < 0x20 || c == 0x7F) {
                throw error("illegal control character in string");
            }
            if (c == '\\') {
                escape(bytes);
            } else {
                int codePoint = source.codePointAt(position);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                position += Character.charCount(codePoint);
            }
        }
        if (separated && position < source.length()
                && (source.charAt(position) == '"' || isIdChar(source.charAt(position)))) {
            throw error("unknown operator: tokens must be separated after a string");
        }
        byte[] value = bytes.toByteArray();
        return new Token(kind, source.substring(start + 1, position - 1), value, startLine, startColumn);
    }

    private void escape(ByteArrayOutputStream bytes) {
        position++;
        char c = position < source.length() ? source.charAt(position) : '\0';
        switch (c) {
            case 't' -> bytes.write('\t');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case '"' -> bytes.write('"');
            case '\'' -> bytes.write('\'');
            case '\\' -> bytes.write('\\');
            case 'u' -> {
                if (peek(1) != '{') {
                    throw error("illegal escape");
                }
                int end = source.indexOf('}', position);
                if (end < 0) {
                    throw error("illegal escape");
                }
                String hex = source.substring(position + 2, end).replace("_", "");
                if (hex.isEmpty() || !hex.chars().allMatch(digit -> hexDigit((char) digit) >= 0)) {
                    throw error("illegal escape");
                }
                int codePoint;
                try {
                    codePoint = Integer.parseInt(hex, 16);
                } catch (NumberFormatException tooLarge) {
                    throw error("illegal escape: invalid code point");
                }
                if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint < 0xE000)) {
                    throw error("illegal escape: invalid code point");
                }
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                position = end;
            }
            default -> {
                int high = hexDigit(c);
                int low = hexDigit(peek(1));
                if (high < 0 || low < 0) {
                    throw error("illegal escape");
                }
                bytes.write(high * 16 + low);
                position++;
            }
        }
        position++;
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also take other scripts' digits). */
    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }
}
