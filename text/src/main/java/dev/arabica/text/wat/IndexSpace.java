package dev.arabica.text.wat;

import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import java.util.HashMap;
import java.util.Map;

/** One index space of a module (functions, types, labels' fields, ...): its size and its names. */
final class IndexSpace {

    private final String what;
    private final Map<String, Integer> names = new HashMap<>();
    private int size;

    IndexSpace(String what) {
        this.what = what;
    }

    /** Adds an entry, named or not, and returns its index. */
    int add(String name, SExpr where) {
        if (name != null) {
            if (names.containsKey(name)) {
                throw new TextParseException("duplicate " + what + " $" + name, where.line(), where.column());
            }
            names.put(name, size);
        }
        return size++;
    }

    /** The named entries, index to name. */
    Map<Integer, String> namesByIndex() {
        Map<Integer, String> byIndex = new HashMap<>();
        names.forEach((name, index) -> byIndex.put(index, name));
        return byIndex;
    }

    int size() {
        return size;
    }

    /** Resolves a numeric index or a {@code $name}; any other token is unexpected. */
    int require(Token token) {
        Integer index = resolve(token);
        if (index == null) {
            throw new TextParseException("unexpected token " + token, token.line(), token.column());
        }
        return index;
    }

    /** Resolves a numeric index or a {@code $name}; null when the token is neither. */
    Integer resolve(Token token) {
        if (token.kind() == Token.Kind.ID) {
            Integer index = names.get(token.text());
            if (index == null) {
                throw new TextParseException("unknown " + what + " $" + token.text(), token.line(), token.column());
            }
            return index;
        }
        if (token.kind() == Token.Kind.ATOM) {
            try {
                Long value = Literals.unsigned(token.text(), 32);
                return value == null ? null : (int) (long) value;
            } catch (Literals.OutOfRange e) {
                throw new TextParseException("constant out of range", token.line(), token.column());
            }
        }
        return null;
    }
}
