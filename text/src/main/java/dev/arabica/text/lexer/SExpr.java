package dev.arabica.text.lexer;

import dev.arabica.text.TextParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    /**
     * Parses the whole text into its top-level S-expressions. Open lists are kept on an explicit
     * stack, so nesting depth is limited only by memory.
     */
    static List<SExpr> parseAll(String source) {
        List<Token> tokens = Lexer.tokenize(source);
        List<SExpr> current = new ArrayList<>();
        Deque<Token> openers = new ArrayDeque<>();
        Deque<List<SExpr>> enclosing = new ArrayDeque<>();
        for (Token token : tokens) {
            switch (token.kind()) {
                case LPAREN -> {
                    openers.push(token);
                    enclosing.push(current);
                    current = new ArrayList<>();
                }
                case RPAREN -> {
                    if (openers.isEmpty()) {
                        throw new TextParseException("unexpected token )", token.line(), token.column());
                    }
                    Token opener = openers.pop();
                    Node node = new Node(current, opener.line(), opener.column());
                    current = enclosing.pop();
                    current.add(node);
                }
                default -> current.add(new Atom(token));
            }
        }
        if (!openers.isEmpty()) {
            Token opener = openers.peek();
            throw new TextParseException("unexpected end of input: unclosed (", opener.line(), opener.column());
        }
        return current;
    }
}
