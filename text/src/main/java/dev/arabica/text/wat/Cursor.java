package dev.arabica.text.wat;

import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import java.util.List;

/** Walks the items of one S-expression list, left to right. */
final class Cursor {

    private final List<SExpr> items;
    private final SExpr.Node owner;
    private int position;

    Cursor(SExpr.Node node, int start) {
        this.items = node.items();
        this.owner = node;
        this.position = start;
    }

    SExpr.Node owner() {
        return owner;
    }

    boolean atEnd() {
        return position >= items.size();
    }

    SExpr peek() {
        return atEnd() ? null : items.get(position);
    }

    SExpr peekAt(int ahead) {
        int at = position + ahead;
        return at < items.size() ? items.get(at) : null;
    }

    SExpr next() {
        if (atEnd()) {
            throw error("unexpected token: ) where more was expected");
        }
        return items.get(position++);
    }

    /** The next item, which must be a parenthesised form. */
    SExpr.Node expectNode() {
        if (!(peek() instanceof SExpr.Node node)) {
            throw unexpected();
        }
        position++;
        return node;
    }

    /** The next item if it is a token of this kind, else null (nothing consumed). */
    Token peekToken(Token.Kind kind) {
        return peek() instanceof SExpr.Atom a && a.token().kind() == kind ? a.token() : null;
    }

    Token takeToken(Token.Kind kind) {
        Token token = peekToken(kind);
        if (token != null) {
            position++;
        }
        return token;
    }

    boolean takeKeyword(String keyword) {
        Token token = peekToken(Token.Kind.ATOM);
        if (token != null && token.text().equals(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    /** An optional identifier, without its {@code $}. */
    String takeId() {
        Token id = takeToken(Token.Kind.ID);
        return id == null ? null : id.text();
    }

    /** The next item if it is a list whose head is {@code keyword}, else null (nothing consumed). */
    SExpr.Node peekNode(String keyword) {
        return peek() instanceof SExpr.Node n && keyword.equals(n.head()) ? n : null;
    }

    SExpr.Node takeNode(String keyword) {
        SExpr.Node node = peekNode(keyword);
        if (node != null) {
            position++;
        }
        return node;
    }

    String expectString() {
        Token token = takeToken(Token.Kind.STRING);
        if (token == null) {
            throw unexpected();
        }
        return nameOf(token);
    }

    static String nameOf(Token token) {
        String name = token.utf8();
        if (name == null) {
            throw new TextParseException("malformed UTF-8 encoding", token.line(), token.column());
        }
        return name;
    }

    void expectEnd() {
        if (!atEnd()) {
            throw unexpected();
        }
    }

    TextParseException unexpected() {
        SExpr item = peek();
        if (item == null) {
            return error("unexpected token: ) where more was expected");
        }
        return new TextParseException("unexpected token " + item, item.line(), item.column());
    }

    TextParseException error(String reason) {
        SExpr item = peek();
        return item != null
                ? new TextParseException(reason, item.line(), item.column())
                : new TextParseException(reason, owner.line(), owner.column());
    }
}
