package dev.arabica.text.lexer;

import dev.arabica.text.TextParseException;
import java.util.ArrayList;
import java.util.List;

/** An S-expression: a token, or a parenthesised list of S-expressions. */
public sealed interface SExpr {

    int line();

    int column();

    record Atom(Token token) implements SExpr {
        @Override
        public int line() {
            return token.line();
        }

        @Override
        public int column() {
            return token.column();
        }

        @Override
        public String toString() {
            return token.toString();
        }
    }

    record Node(List<SExpr> items, int line, int column) implements SExpr {
        /** The first item if it is a keyword, else null. */
        public String head() {
            return !items.isEmpty() && items.get(0) instanceof Atom a && a.token().kind() == Token.Kind.ATOM
                    ? a.token().text()
                    : null;
        }

        @Override
        public String toString() {
            return "(" + (head() == null ? "..." : head()) + " ...)";
        }
    }

    /** Parses the whole text into its top-level S-expressions. */
    static List<SExpr> parseAll(String source) {
        List<Token> tokens = Lexer.tokenize(source);
        List<SExpr> result = new ArrayList<>();
        int[] at = {0};
        while (at[0] < tokens.size()) {
            result.add(parse(tokens, at));
        }
        return result;
    }

    private static SExpr parse(List<Token> tokens, int[] at) {
        Token token = tokens.get(at[0]++);
        if (token.kind() == Token.Kind.RPAREN) {
            throw new TextParseException("unexpected token )", token.line(), token.column());
        }
        if (token.kind() != Token.Kind.LPAREN) {
            return new Atom(token);
        }
        List<SExpr> items = new ArrayList<>();
        while (true) {
            if (at[0] >= tokens.size()) {
                throw new TextParseException("unexpected end of input: unclosed (", token.line(), token.column());
            }
            if (tokens.get(at[0]).kind() == Token.Kind.RPAREN) {
                at[0]++;
                return new Node(items, token.line(), token.column());
            }
            items.add(parse(tokens, at));
        }
    }
}
