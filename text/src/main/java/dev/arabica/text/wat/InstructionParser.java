package dev.arabica.text.wat;

import dev.arabica.format.model.BlockType;
import dev.arabica.format.model.Catch;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.MemArg;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.ValType;
import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses instruction sequences, flat or folded, into the flat binary order of the model with
 * explicit {@code else} and {@code end}, resolving labels and indices by name.
 */
final class InstructionParser {

    private static final Set<String> BLOCK_ENDS = Set.of("end", "else", "catch", "catch_all", "delegate");
    /** Clause keywords of other forms: out of place among instructions, they are unexpected, not unknown. */
    private static final Set<String> CLAUSES = Set.of("type", "param", "result", "local", "then", "export", "import", "item",
            "offset");

    private final ModuleContext module;
    private final IndexSpace locals;
    private final List<String> labels = new ArrayList<>();
    private final List<Instruction> out = new ArrayList<>();

    InstructionParser(ModuleContext module, IndexSpace locals) {
        this.module = module;
        this.locals = locals;
    }

    /** The remaining items of {@code in} as an expression, with its closing {@code end}. */
    Expr expr(Cursor in) {
        try {
            sequence(in);
        } catch (StackOverflowError tooDeep) {
            throw in.error("folded instructions nested too deeply to parse");
        }
        if (!in.atEnd()) {
            throw in.unexpected();
        }
        out.add(Instruction.Plain.of(Opcode.END));
        return Expr.of(out);
    }

    /** A flat {@code block}, {@code loop}, {@code if}, {@code try_table} or {@code try} whose {@code end} is still to come. */
    private static final class OpenBlock {
        final String keyword;
        final String label;
        boolean inElse;

        OpenBlock(String keyword, String label) {
            this.keyword = keyword;
            this.label = label;
        }
    }

    /**
     * Instructions until the end of the list or a keyword that closes a block opened before this
     * call. Flat blocks are tracked on an explicit stack rather than by recursion, so nesting depth
     * is limited only by memory.
     */
    private void sequence(Cursor in) {
        List<OpenBlock> open = new ArrayList<>();
        while (!in.atEnd()) {
            SExpr item = in.peek();
            if (item instanceof SExpr.Node node) {
                in.next();
                folded(node);
                continue;
            }
            Token token = ((SExpr.Atom) item).token();
            if (token.kind() == Token.Kind.ATOM && BLOCK_ENDS.contains(token.text())) {
                if (open.isEmpty()) {
                    return;
                }
                in.next();
                continueOrClose(open, token, in);
                continue;
            }
            in.next();
            flat(token, in, open);
        }
        if (!open.isEmpty()) {
            throw in.error("unexpected end of input: expected end");
        }
    }

    private TextParseException error(String reason, SExpr where) {
        return new TextParseException(reason, where.line(), where.column());
    }

    private TextParseException error(String reason, Token where) {
        return new TextParseException(reason, where.line(), where.column());
    }

    private void flat(Token keyword, Cursor in, List<OpenBlock> open) {
        if (keyword.kind() != Token.Kind.ATOM) {
            throw error("unexpected token " + keyword, keyword);
        }
        String text = keyword.text();
        switch (text) {
            case "block", "loop", "if", "try" -> {
                String label = in.takeId();
                Opcode opcode = text.equals("try") ? Opcode.TRY : Opcode.fromMnemonic(text);
                out.add(new Instruction.Block(opcode, blockType(in)));
                openBlock(open, text, label);
            }
            case "try_table" -> {
                String label = in.takeId();
                out.add(tryTable(in));
                openBlock(open, text, label);
            }
            default -> out.add(plain(keyword, in));
        }
    }

    private void openBlock(List<OpenBlock> open, String keyword, String label) {
        open.add(new OpenBlock(keyword, label));
        labels.add(label);
    }

    /** Handles {@code end}, {@code else}, {@code catch}, {@code catch_all} or {@code delegate} of the innermost open block. */
    private void continueOrClose(List<OpenBlock> open, Token keyword, Cursor in) {
        OpenBlock block = open.get(open.size() - 1);
        switch (keyword.text()) {
            case "end" -> {
                labels.remove(labels.size() - 1);
                checkLabel(in, block.label);
                out.add(Instruction.Plain.of(Opcode.END));
                open.remove(open.size() - 1);
            }
            case "else" -> {
                if (!block.keyword.equals("if") || block.inElse) {
                    throw error("unexpected token else", keyword);
                }
                checkLabel(in, block.label);
                out.add(Instruction.Plain.of(Opcode.ELSE));
                block.inElse = true;
            }
            case "catch", "catch_all" -> {
                if (!block.keyword.equals("try")) {
                    throw error("unexpected token " + keyword.text(), keyword);
                }
                out.add(keyword.text().equals("catch") ? new Instruction.Indexed(Opcode.CATCH, index(in, module.tags))
                        : Instruction.Plain.of(Opcode.CATCH_ALL));
            }
            default -> {
                if (!block.keyword.equals("try")) {
                    throw error("unexpected token delegate", keyword);
                }
                labels.remove(labels.size() - 1);
                out.add(new Instruction.Indexed(Opcode.DELEGATE, label(in)));
                open.remove(open.size() - 1);
            }
        }
    }

    /** A block body with its label in scope. */
    private void body(Cursor in, String label) {
        labels.add(label);
        sequence(in);
        labels.remove(labels.size() - 1);
    }

    private static void checkLabel(Cursor in, String label) {
        Token trailing = in.peekToken(Token.Kind.ID);
        if (trailing != null) {
            in.next();
            if (!trailing.text().equals(label)) {
                throw new TextParseException("mismatching label $" + trailing.text(), trailing.line(), trailing.column());
            }
        }
    }

    private void folded(SExpr.Node node) {
        String head = node.head();
        if (head == null) {
            throw error("unexpected token: expected an instruction", node);
        }
        Cursor in = new Cursor(node, 1);
        switch (head) {
            case "block", "loop" -> {
                String label = in.takeId();
                out.add(new Instruction.Block(Opcode.fromMnemonic(head), blockType(in)));
                body(in, label);
                in.expectEnd();
                out.add(Instruction.Plain.of(Opcode.END));
            }
            case "if" -> foldedIf(in);
            case "try_table" -> {
                String label = in.takeId();
                out.add(tryTable(in));
                body(in, label);
                in.expectEnd();
                out.add(Instruction.Plain.of(Opcode.END));
            }
            case "try" -> foldedTry(in);
            default -> {
                Token keyword = ((SExpr.Atom) node.items().get(0)).token();
                Instruction instruction = plain(keyword, in);
                while (!in.atEnd()) {
                    SExpr operand = in.next();
                    if (!(operand instanceof SExpr.Node operandNode)) {
                        throw error("unexpected token " + operand, operand);
                    }
                    folded(operandNode);
                }
                out.add(instruction);
            }
        }
    }

    private void foldedIf(Cursor in) {
        String label = in.takeId();
        BlockType type = blockType(in);
        while (!in.atEnd() && in.peekNode("then") == null) {
            SExpr condition = in.next();
            if (!(condition instanceof SExpr.Node conditionNode)) {
                throw error("unexpected token " + condition, condition);
            }
            folded(conditionNode);
        }
        SExpr.Node then = in.takeNode("then");
        if (then == null) {
            throw in.error("unexpected token: expected (then ...)");
        }
        out.add(new Instruction.Block(Opcode.IF, type));
        Cursor thenItems = new Cursor(then, 1);
        body(thenItems, label);
        thenItems.expectEnd();
        SExpr.Node otherwise = in.takeNode("else");
        if (otherwise != null) {
            out.add(Instruction.Plain.of(Opcode.ELSE));
            Cursor elseItems = new Cursor(otherwise, 1);
            body(elseItems, label);
            elseItems.expectEnd();
        }
        in.expectEnd();
        out.add(Instruction.Plain.of(Opcode.END));
    }

    private void foldedTry(Cursor in) {
        String label = in.takeId();
        out.add(new Instruction.Block(Opcode.TRY, blockType(in)));
        SExpr.Node doNode = in.takeNode("do");
        if (doNode != null) {
            Cursor items = new Cursor(doNode, 1);
            body(items, label);
            items.expectEnd();
        }
        SExpr.Node clause;
        while ((clause = in.takeNode("catch")) != null || (clause = in.takeNode("catch_all")) != null) {
            Cursor items = new Cursor(clause, 1);
            if ("catch".equals(clause.head())) {
                out.add(new Instruction.Indexed(Opcode.CATCH, index(items, module.tags)));
            } else {
                out.add(Instruction.Plain.of(Opcode.CATCH_ALL));
            }
            body(items, label);
            items.expectEnd();
        }
        SExpr.Node delegate = in.takeNode("delegate");
        in.expectEnd();
        if (delegate != null) {
            Cursor items = new Cursor(delegate, 1);
            out.add(new Instruction.Indexed(Opcode.DELEGATE, label(items)));
            items.expectEnd();
        } else {
            out.add(Instruction.Plain.of(Opcode.END));
        }
    }

    private Instruction tryTable(Cursor in) {
        BlockType type = blockType(in);
        List<Catch> catches = new ArrayList<>();
        while (in.peek() instanceof SExpr.Node node && node.head() != null && node.head().startsWith("catch")) {
            in.next();
            Cursor items = new Cursor(node, 1);
            Catch.Kind kind = switch (node.head()) {
                case "catch" -> Catch.Kind.CATCH;
                case "catch_ref" -> Catch.Kind.CATCH_REF;
                case "catch_all" -> Catch.Kind.CATCH_ALL;
                case "catch_all_ref" -> Catch.Kind.CATCH_ALL_REF;
                default -> throw error("unexpected token " + node, node);
            };
            int tag = kind.hasTag() ? index(items, module.tags) : -1;
            labels.add(null);
            int label;
            try {
                label = label(items) - 1;
            } finally {
                labels.remove(labels.size() - 1);
            }
            items.expectEnd();
            catches.add(new Catch(kind, tag, label));
        }
        return new Instruction.TryTable(type, catches);
    }

    /**
     * A block type: empty, a single result, or a type use. A lone {@code (result t)} is the value
     * form; anything with parameters, several results or {@code (type x)} is a type index.
     */
    private BlockType blockType(Cursor in) {
        boolean typeUse = in.peekNode("type") != null || in.peekNode("param") != null;
        if (!typeUse) {
            List<ValType> results = new ArrayList<>();
            int start = resultCount(in);
            if (start == 0) {
                return BlockType.EMPTY;
            }
            if (start > 1) {
                return new BlockType.TypeIndex(module.typeUse(in, null, false));
            }
            SExpr.Node result = in.takeNode("result");
            Cursor items = new Cursor(result, 1);
            results.add(module.typeParser.valType(items));
            items.expectEnd();
            return new BlockType.Value(results.get(0));
        }
        return new BlockType.TypeIndex(module.typeUse(in, null, false));
    }

    /** How many result types the upcoming {@code (result ...)} clauses declare. */
    private static int resultCount(Cursor in) {
        SExpr.Node first = in.peekNode("result");
        if (first == null) {
            return 0;
        }
        int count = first.items().size() - 1;
        return count == 0 ? 0 : count;
    }

    private Instruction plain(Token keyword, Cursor in) {
        Opcode op = Opcode.fromMnemonic(keyword.text());
        if (CLAUSES.contains(keyword.text())) {
            throw error("unexpected token " + keyword.text(), keyword);
        }
        if (op == null || BLOCK_ENDS.contains(keyword.text())) {
            throw error("unknown operator " + keyword.text(), keyword);
        }
        return switch (op.immediate()) {
            case NONE, ZERO_BYTE -> op == Opcode.SELECT ? select(in) : Instruction.Plain.of(op);
            case LABEL -> new Instruction.Indexed(op, label(in));
            case FUNC -> new Instruction.Indexed(op, index(in, module.funcs));
            case TYPE -> new Instruction.Indexed(op, index(in, module.types));
            case LOCAL -> new Instruction.Indexed(op, index(in, locals));
            case GLOBAL -> new Instruction.Indexed(op, index(in, module.globals));
            case TABLE -> new Instruction.Indexed(op, optionalIndex(in, module.tables));
            case MEMORY -> new Instruction.Indexed(op, optionalIndex(in, module.memories));
            case TAG -> new Instruction.Indexed(op, index(in, module.tags));
            case DATA -> new Instruction.Indexed(op, index(in, module.datas));
            case ELEM -> new Instruction.Indexed(op, index(in, module.elems));
            case LANE -> new Instruction.Indexed(op, lane(in));
            case TYPE_TABLE -> {
                int table = optionalIndex(in, module.tables);
                yield new Instruction.IndexPair(op, module.typeUse(in, null, false), table);
            }
            case DATA_MEMORY -> {
                int first = index(in, module.memories, module.datas);
                Integer second = maybeIndex(in, module.datas);
                yield second == null ? new Instruction.IndexPair(op, first, 0) : new Instruction.IndexPair(op, second, first);
            }
            case ELEM_TABLE -> {
                int first = index(in, module.tables, module.elems);
                Integer second = maybeIndex(in, module.elems);
                yield second == null ? new Instruction.IndexPair(op, first, 0) : new Instruction.IndexPair(op, second, first);
            }
            case MEMORY_MEMORY -> pairOrZero(op, in, module.memories);
            case TABLE_TABLE -> pairOrZero(op, in, module.tables);
            case TYPE_FIELD -> {
                int type = index(in, module.types);
                Token field = in.takeToken(Token.Kind.ID);
                if (field == null) {
                    field = in.takeToken(Token.Kind.ATOM);
                }
                if (field == null) {
                    throw in.unexpected();
                }
                yield new Instruction.IndexPair(op, type, module.field(type, field));
            }
            case TYPE_COUNT -> new Instruction.IndexPair(op, index(in, module.types), (int) TypeParser.unsigned(in, 32));
            case TYPE_DATA -> new Instruction.IndexPair(op, index(in, module.types), index(in, module.datas));
            case TYPE_ELEM -> new Instruction.IndexPair(op, index(in, module.types), index(in, module.elems));
            case TYPE_TYPE -> new Instruction.IndexPair(op, index(in, module.types), index(in, module.types));
            case BR_TABLE -> brTable(in);
            case MEMARG -> new Instruction.Memory(op, memArg(in, op, false));
            case MEMARG_LANE -> {
                MemArg memArg = memArg(in, op, true);
                yield new Instruction.MemoryLane(op, memArg, lane(in));
            }
            case I32 -> new Instruction.I32Const((int) (long) integer(in, 32, "i32"));
            case I64 -> new Instruction.I64Const(integer(in, 64, "i64"));
            case F32 -> new Instruction.F32Const(Numbers.f32(next(in)));
            case F64 -> new Instruction.F64Const(Numbers.f64(next(in)));
            case V128 -> new Instruction.V128Const(Numbers.v128(in));
            case SHUFFLE -> new Instruction.Shuffle(Numbers.shuffle(in));
            case SELECT_TYPES -> select(in);
            case HEAP_TYPE -> heapTypeOp(op, in);
            case REF_TYPE -> new Instruction.RefTypeOp(op, module.typeParser.refType(in));
            case BR_ON_CAST -> {
                int label = label(in);
                RefType source = module.typeParser.refType(in);
                RefType target = module.typeParser.refType(in);
                yield new Instruction.BrOnCast(op, label, source, target);
            }
            case BLOCK_TYPE, TRY_TABLE -> throw error("unknown operator " + keyword.text(), keyword);
        };
    }

    private Instruction select(Cursor in) {
        if (in.peekNode("result") == null) {
            return Instruction.Plain.of(Opcode.SELECT);
        }
        List<ValType> types = new ArrayList<>();
        SExpr.Node result;
        while ((result = in.takeNode("result")) != null) {
            Cursor items = new Cursor(result, 1);
            while (!items.atEnd()) {
                types.add(module.typeParser.valType(items));
            }
        }
        return new Instruction.SelectTyped(types);
    }

    private Instruction heapTypeOp(Opcode op, Cursor in) {
        if (op == Opcode.REF_NULL) {
            return new Instruction.HeapTypeOp(op, module.typeParser.heapType(in));
        }
        RefType type = module.typeParser.refType(in);
        if (type.exact()) {
            return new Instruction.RefTypeOp(op == Opcode.REF_TEST ? Opcode.REF_TEST_EXACT : Opcode.REF_CAST_EXACT, type);
        }
        Opcode variant = switch (op) {
            case REF_TEST -> type.nullable() ? Opcode.REF_TEST_NULL : Opcode.REF_TEST;
            case REF_CAST -> type.nullable() ? Opcode.REF_CAST_NULL : Opcode.REF_CAST;
            default -> op;
        };
        return new Instruction.HeapTypeOp(variant, type.heapType());
    }

    private Instruction brTable(Cursor in) {
        List<Integer> targets = new ArrayList<>();
        while (in.peekToken(Token.Kind.ID) != null || isInteger(in.peekToken(Token.Kind.ATOM))) {
            targets.add(label(in));
        }
        if (targets.isEmpty()) {
            throw in.unexpected();
        }
        int[] labels = new int[targets.size() - 1];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = targets.get(i);
        }
        return new Instruction.BrTable(labels, targets.get(targets.size() - 1));
    }

    private static boolean isInteger(Token token) {
        return token != null && Literals.integer(token.text()) != null;
    }

    private Instruction pairOrZero(Opcode op, Cursor in, IndexSpace space) {
        Integer first = maybeIndex(in, space);
        if (first == null) {
            return new Instruction.IndexPair(op, 0, 0);
        }
        return new Instruction.IndexPair(op, first, index(in, space));
    }

    private int label(Cursor in) {
        Token token = in.takeToken(Token.Kind.ID);
        if (token != null) {
            for (int depth = 0; depth < labels.size(); depth++) {
                if (token.text().equals(labels.get(labels.size() - 1 - depth))) {
                    return depth;
                }
            }
            throw error("unknown label $" + token.text(), token);
        }
        return (int) TypeParser.unsigned(in, 32);
    }

    private static int index(Cursor in, IndexSpace space) {
        Integer index = maybeIndex(in, space);
        if (index == null) {
            throw in.unexpected();
        }
        return index;
    }

    /** The first of two index immediates, resolved in whichever space its name belongs to when two are given. */
    private static int index(Cursor in, IndexSpace ifTwo, IndexSpace ifOne) {
        SExpr first = in.peek();
        in.next();
        boolean two = in.peekToken(Token.Kind.ID) != null || isInteger(in.peekToken(Token.Kind.ATOM));
        Token token = first instanceof SExpr.Atom a ? a.token() : null;
        Integer index = token == null ? null : (two ? ifTwo : ifOne).resolve(token);
        if (index == null) {
            throw new TextParseException("unexpected token " + first, first.line(), first.column());
        }
        return index;
    }

    private static Integer maybeIndex(Cursor in, IndexSpace space) {
        Token token = in.peekToken(Token.Kind.ID);
        if (token == null) {
            token = in.peekToken(Token.Kind.ATOM);
            if (!isInteger(token)) {
                return null;
            }
        }
        in.next();
        return space.resolve(token);
    }

    private static int optionalIndex(Cursor in, IndexSpace space) {
        Integer index = maybeIndex(in, space);
        return index == null ? 0 : index;
    }

    private static int lane(Cursor in) {
        Token token = in.takeToken(Token.Kind.ATOM);
        if (token == null) {
            throw in.unexpected();
        }
        try {
            Long lane = Literals.unsigned(token.text(), 8);
            if (lane == null) {
                throw new TextParseException("unknown operator " + token, token.line(), token.column());
            }
            return (int) (long) lane;
        } catch (Literals.OutOfRange e) {
            throw new TextParseException("malformed lane index", token.line(), token.column());
        }
    }

    private static Token next(Cursor in) {
        Token token = in.takeToken(Token.Kind.ATOM);
        if (token == null) {
            throw in.unexpected();
        }
        return token;
    }

    private static long integer(Cursor in, int width, String type) {
        return Numbers.integer(next(in), width, type + " constant out of range");
    }

    /** {@code memidx? offset=N? align=N?}; for lane accesses a lone integer is the lane, not a memory. */
    private MemArg memArg(Cursor in, Opcode op, boolean laneFollows) {
        int memory = 0;
        Token id = in.peekToken(Token.Kind.ID);
        Token atom = in.peekToken(Token.Kind.ATOM);
        if (id != null) {
            in.next();
            memory = module.memories.resolve(id);
        } else if (isInteger(atom) && (!laneFollows || integerFollowsNext(in))) {
            memory = index(in, module.memories);
        }
        long offset = 0;
        int alignLog2 = op.naturalAlignmentLog2();
        Token option;
        if ((option = in.peekToken(Token.Kind.ATOM)) != null && option.text().startsWith("offset=")) {
            in.next();
            offset = option(option, "offset=", 64);
        }
        if ((option = in.peekToken(Token.Kind.ATOM)) != null && option.text().startsWith("align=")) {
            in.next();
            long align = option(option, "align=", 64);
            if (align == 0 || Long.bitCount(align) != 1) {
                throw new TextParseException("alignment must be a power of two", option.line(), option.column());
            }
            alignLog2 = Long.numberOfTrailingZeros(align);
        }
        return new MemArg(memory, alignLog2, offset);
    }

    /** Whether the item after the next one is an integer or a memarg option. */
    private static boolean integerFollowsNext(Cursor in) {
        SExpr second = in.peekAt(1);
        if (!(second instanceof SExpr.Atom atom) || atom.token().kind() != Token.Kind.ATOM) {
            return false;
        }
        String text = atom.token().text();
        return text.startsWith("offset=") || text.startsWith("align=") || Literals.integer(text) != null;
    }

    private static long option(Token token, String prefix, int width) {
        try {
            Long value = Literals.unsigned(token.text().substring(prefix.length()), width);
            if (value == null) {
                throw new TextParseException("unknown operator " + token.text(), token.line(), token.column());
            }
            return value;
        } catch (Literals.OutOfRange e) {
            throw new TextParseException("offset out of range", token.line(), token.column());
        }
    }
}
