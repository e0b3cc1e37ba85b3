package dev.arabica.text;

import dev.arabica.format.model.Module;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import dev.arabica.text.wat.ModuleParser;
import java.util.List;

/** The WebAssembly text format: parses a {@code (module ...)} into the module model. */
public final class Wat {

    private Wat() {
    }

    /**
     * Parses text holding one module: {@code (module $name? field*)}, or bare module fields as
     * the text format allows for a file's single module.
     */
    public static Module parseModule(String source) {
        List<SExpr> items = SExpr.parseAll(source);
        if (items.size() == 1 && items.get(0) instanceof SExpr.Node node && "module".equals(node.head())) {
            return parseModule(node);
        }
        return ModuleParser.parse(items);
    }

    /** Parses a {@code (module $name? field*)} S-expression. */
    public static Module parseModule(SExpr.Node module) {
        List<SExpr> items = module.items();
        int start = 1;
        if (items.size() > 1 && items.get(1) instanceof SExpr.Atom atom
                && atom.token().kind() == Token.Kind.ID) {
            start = 2;
        }
        return ModuleParser.parse(items.subList(start, items.size()));
    }
}
