package dev.arabica.text.wast;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.HeapType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.TypeIndexHeapType;
import dev.arabica.format.model.V128;
import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import dev.arabica.text.wat.Literals;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses {@code .wast} scripts. Module texts are kept unparsed until a runner asks for them. */
public final class WastParser {

    private static final Set<String> MODULE_FIELDS =
            Set.of("type", "rec", "import", "func", "table", "memory", "global", "tag", "export", "start", "elem", "data");

    private WastParser() {
    }

    public static Script parse(String source, String name) {
        List<SExpr> items = SExpr.parseAll(source);
        List<Command> commands = new ArrayList<>();
        if (!items.isEmpty() && items.get(0) instanceof SExpr.Node first && first.head() != null
                && MODULE_FIELDS.contains(first.head())) {
            SExpr.Node module = new SExpr.Node(prepend(keyword("module", first), items), first.line(), first.column());
            commands.add(new Command.ModuleCommand(first.line(), null, new ModuleSource.Text(module), false));
            return new Script(name, commands);
        }
        for (SExpr item : items) {
            if (!(item instanceof SExpr.Node node) || node.head() == null) {
                throw error("unexpected token " + item, item);
            }
            commands.add(command(node));
        }
        return new Script(name, commands);
    }

    private static List<SExpr> prepend(SExpr head, List<SExpr> rest) {
        List<SExpr> all = new ArrayList<>(rest.size() + 1);
        all.add(head);
        all.addAll(rest);
        return all;
    }

    private static SExpr.Atom keyword(String text, SExpr where) {
        return new SExpr.Atom(new Token(Token.Kind.ATOM, text, null, where.line(), where.column()));
    }

    private static TextParseException error(String reason, SExpr where) {
        return new TextParseException(reason, where.line(), where.column());
    }

    private static Command command(SExpr.Node node) {
        int line = node.line();
        List<SExpr> items = node.items();
        switch (node.head()) {
            case "module": {
                if (items.size() > 1 && isKeyword(items.get(1), "instance")) {
                    return new Command.ModuleInstance(line, idAt(items, 2), idAt(items, items.size() - 1));
                }
                boolean definition = items.size() > 1 && isKeyword(items.get(1), "definition");
                int at = definition ? 2 : 1;
                String id = idAt(items, at);
                return new Command.ModuleCommand(line, id, moduleSource(node, id == null ? at : at + 1), definition);
            }
            case "register": {
                String as = string(items, 1);
                return new Command.Register(line, as, items.size() > 2 ? idAt(items, 2) : null);
            }
            case "invoke", "get":
                return new Command.ActionCommand(line, action(node));
            case "assert_return": {
                List<ResultPattern> expected = new ArrayList<>();
                for (int i = 2; i < items.size(); i++) {
                    expected.add(pattern(items.get(i)));
                }
                return new Command.AssertReturn(line, action(nodeAt(items, 1)), expected);
            }
            case "assert_trap": {
                SExpr.Node target = nodeAt(items, 1);
                String message = string(items, 2);
                if ("module".equals(target.head())) {
                    return new Command.AssertTrap(line, null, moduleOf(target), message);
                }
                return new Command.AssertTrap(line, action(target), null, message);
            }
            case "assert_exhaustion":
                return new Command.AssertExhaustion(line, action(nodeAt(items, 1)), string(items, 2));
            case "assert_exception":
                return new Command.AssertException(line, action(nodeAt(items, 1)));
            case "assert_malformed":
                return new Command.AssertMalformed(line, moduleOf(nodeAt(items, 1)), string(items, 2));
            case "assert_invalid":
                return new Command.AssertInvalid(line, moduleOf(nodeAt(items, 1)), string(items, 2));
            case "assert_unlinkable":
                return new Command.AssertUnlinkable(line, moduleOf(nodeAt(items, 1)), string(items, 2));
            case "assert_malformed_custom":
                return new Command.AssertMalformedCustom(line, moduleOf(nodeAt(items, 1)), string(items, 2));
            case "assert_invalid_custom":
                return new Command.AssertInvalidCustom(line, moduleOf(nodeAt(items, 1)), string(items, 2));
            default:
                throw error("unknown script command " + node.head(), node);
        }
    }

    /** The module of an assertion: {@code (module $id? [definition] ...)}. */
    private static ModuleSource moduleOf(SExpr.Node node) {
        if (!"module".equals(node.head())) {
            throw error("unexpected token: expected (module ...)", node);
        }
        List<SExpr> items = node.items();
        int at = items.size() > 1 && isKeyword(items.get(1), "definition") ? 2 : 1;
        return moduleSource(node, idAt(items, at) == null ? at : at + 1);
    }

    /** The module body starting at item {@code at}: {@code binary "..."}, {@code quote "..."}, or fields. */
    private static ModuleSource moduleSource(SExpr.Node node, int at) {
        List<SExpr> items = node.items();
        if (at < items.size() && isKeyword(items.get(at), "binary")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = at + 1; i < items.size(); i++) {
                bytes.writeBytes(stringToken(items.get(i)).bytes());
            }
            return new ModuleSource.Binary(bytes.toByteArray());
        }
        if (at < items.size() && isKeyword(items.get(at), "quote")) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int i = at + 1; i < items.size(); i++) {
                text.writeBytes(stringToken(items.get(i)).bytes());
                text.write(' ');
            }
            return new ModuleSource.Quote(text.toByteArray());
        }
        List<SExpr> fields = new ArrayList<>();
        fields.add(keyword("module", node));
        fields.addAll(items.subList(at, items.size()));
        return new ModuleSource.Text(new SExpr.Node(fields, node.line(), node.column()));
    }

    private static Action action(SExpr.Node node) {
        if (!"get".equals(node.head()) && !"invoke".equals(node.head())) {
            throw error("unexpected token: expected invoke or get", node);
        }
        List<SExpr> items = node.items();
        String id = idAt(items, 1);
        int at = id == null ? 1 : 2;
        String name = string(items, at);
        if ("get".equals(node.head())) {
            return new Action.Get(id, name);
        }
        List<Value> args = new ArrayList<>();
        for (int i = at + 1; i < items.size(); i++) {
            ResultPattern value = pattern(items.get(i));
            if (!(value instanceof ResultPattern.Exact exact)) {
                throw error("unexpected token: expected a constant", items.get(i));
            }
            args.add(exact.value());
        }
        return new Action.Invoke(id, name, args);
    }

    /** A constant or a result pattern; constants come back as {@link ResultPattern.Exact}. */
    private static ResultPattern pattern(SExpr item) {
        if (!(item instanceof SExpr.Node node) || node.head() == null) {
            throw error("unexpected token " + item, item);
        }
        List<SExpr> items = node.items();
        switch (node.head()) {
            case "i32.const":
                return new ResultPattern.Exact(new Value.I32((int) integer(items, 1, 32)));
            case "i64.const":
                return new ResultPattern.Exact(new Value.I64(integer(items, 1, 64)));
            case "f32.const":
                return floatPattern(atomAt(items, 1), NumType.F32);
            case "f64.const":
                return floatPattern(atomAt(items, 1), NumType.F64);
            case "v128.const":
                return v128(node);
            case "ref.null":
                return items.size() == 1 ? new ResultPattern.RefNullPattern(null)
                        : new ResultPattern.Exact(new Value.RefNull(heapType(items.get(1))));
            case "ref.extern", "ref.host": {
                Integer payload = items.size() > 1 ? (int) integer(items, 1, 32) : null;
                if (payload == null) {
                    return new ResultPattern.RefPattern(node.head().substring(4), null);
                }
                return new ResultPattern.Exact(node.head().equals("ref.extern")
                        ? new Value.RefExtern(payload) : new Value.RefHost(payload));
            }
            case "ref.func", "ref.struct", "ref.array", "ref.i31", "ref.eq", "ref.any", "ref.exn":
                return new ResultPattern.RefPattern(node.head().substring(4), null);
            case "either": {
                List<ResultPattern> alternatives = new ArrayList<>();
                for (int i = 1; i < items.size(); i++) {
                    alternatives.add(pattern(items.get(i)));
                }
                return new ResultPattern.Either(alternatives);
            }
            default:
                throw error("unexpected token: unknown constant " + node.head(), node);
        }
    }

    private static ResultPattern floatPattern(Token token, NumType type) {
        if (token.text().equals("nan:canonical") || token.text().equals("nan:arithmetic")) {
            return new ResultPattern.NanPattern(type, token.text().equals("nan:canonical"));
        }
        try {
            if (type == NumType.F32) {
                Integer bits = Literals.f32Bits(token.text());
                if (bits != null) {
                    return new ResultPattern.Exact(new Value.F32(bits));
                }
            } else {
                Long bits = Literals.f64Bits(token.text());
                if (bits != null) {
                    return new ResultPattern.Exact(new Value.F64(bits));
                }
            }
        } catch (Literals.OutOfRange e) {
            throw new TextParseException("constant out of range", token.line(), token.column());
        }
        throw new TextParseException("unexpected token " + token, token.line(), token.column());
    }

    private static ResultPattern v128(SExpr.Node node) {
        List<SExpr> items = node.items();
        String shape = atomAt(items, 1).text();
        int lanes;
        int bits;
        switch (shape) {
            case "i8x16" -> { lanes = 16; bits = 8; }
            case "i16x8" -> { lanes = 8; bits = 16; }
            case "i32x4", "f32x4" -> { lanes = 4; bits = 32; }
            case "i64x2", "f64x2" -> { lanes = 2; bits = 64; }
            default -> throw error("unexpected token " + shape, items.get(1));
        }
        if (items.size() != lanes + 2) {
            throw error("wrong number of lane literals", node);
        }
        List<ResultPattern> patterns = new ArrayList<>();
        boolean exact = true;
        long low = 0;
        long high = 0;
        for (int i = 0; i < lanes; i++) {
            ResultPattern lane;
            if (shape.startsWith("f")) {
                lane = floatPattern(atomAt(items, i + 2), bits == 32 ? NumType.F32 : NumType.F64);
            } else {
                long value = integer(items, i + 2, bits);
                lane = new ResultPattern.Exact(bits == 64 ? new Value.I64(value) : new Value.I32((int) value));
            }
            patterns.add(lane);
            if (lane instanceof ResultPattern.Exact e) {
                long laneBits = laneBits(e.value()) & (bits == 64 ? -1L : (1L << bits) - 1);
                int shift = i * bits;
                if (shift < 64) {
                    low |= laneBits << shift;
                } else {
                    high |= laneBits << (shift - 64);
                }
            } else {
                exact = false;
            }
        }
        if (exact) {
            return new ResultPattern.Exact(new Value.V128(new V128(low, high)));
        }
        return new ResultPattern.V128Lanes(shape, patterns);
    }

    private static long laneBits(Value value) {
        if (value instanceof Value.I32 v) {
            return v.value();
        } else if (value instanceof Value.I64 v) {
            return v.value();
        } else if (value instanceof Value.F32 v) {
            return v.bits();
        } else if (value instanceof Value.F64 v) {
            return v.bits();
        }
        throw new IllegalArgumentException("not a lane value: " + value);
    }

    private static HeapType heapType(SExpr item) {
        Token token = item instanceof SExpr.Atom atom ? atom.token() : null;
        AbsHeapType abs = token == null ? null : AbsHeapType.fromText(token.text());
        if (abs != null) {
            return abs;
        }
        if (token != null && token.kind() == Token.Kind.ATOM) {
            Long index = Literals.unsigned(token.text(), 32);
            if (index != null) {
                return new TypeIndexHeapType((int) (long) index);
            }
        }
        throw error("unexpected token: expected a heap type", item);
    }

    private static long integer(List<SExpr> items, int at, int width) {
        Token token = atomAt(items, at);
        try {
            Long value = Literals.bits(token.text(), width);
            if (value == null) {
                throw new TextParseException("unexpected token " + token, token.line(), token.column());
            }
            return value;
        } catch (Literals.OutOfRange e) {
            throw new TextParseException("constant out of range", token.line(), token.column());
        }
    }

    private static boolean isKeyword(SExpr item, String keyword) {
        return item instanceof SExpr.Atom atom && atom.token().isKeyword(keyword);
    }

    private static String idAt(List<SExpr> items, int at) {
        return at < items.size() && items.get(at) instanceof SExpr.Atom atom && atom.token().kind() == Token.Kind.ID
                ? atom.token().text()
                : null;
    }

    private static Token atomAt(List<SExpr> items, int at) {
        if (at >= items.size() || !(items.get(at) instanceof SExpr.Atom atom)) {
            SExpr where = at < items.size() ? items.get(at) : items.get(items.size() - 1);
            throw error("unexpected token: expected a literal", where);
        }
        return atom.token();
    }

    private static SExpr.Node nodeAt(List<SExpr> items, int at) {
        if (at >= items.size() || !(items.get(at) instanceof SExpr.Node node)) {
            SExpr where = at < items.size() ? items.get(at) : items.get(items.size() - 1);
            throw error("unexpected token: expected a list", where);
        }
        return node;
    }

    private static Token stringToken(SExpr item) {
        if (!(item instanceof SExpr.Atom atom) || atom.token().kind() != Token.Kind.STRING) {
            throw error("unexpected token " + item + ": expected a string", item);
        }
        return atom.token();
    }

    private static String string(List<SExpr> items, int at) {
        if (at >= items.size()) {
            throw error("unexpected token: expected a string", items.get(items.size() - 1));
        }
        return new String(stringToken(items.get(at)).bytes(), StandardCharsets.UTF_8);
    }
}
