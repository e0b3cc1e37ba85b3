package dev.arabica.text.wat;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.AddressType;
import dev.arabica.format.model.DataSegment;
import dev.arabica.format.model.ElementSegment;
import dev.arabica.format.model.Export;
import dev.arabica.format.model.Expr;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.ExternalKind;
import dev.arabica.format.model.Function;
import dev.arabica.format.model.Global;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.Locals;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.SegmentMode;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.Table;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.Tag;
import dev.arabica.format.model.ValType;
import dev.arabica.format.names.NameSectionWriter;
import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Parses the fields of a {@code (module ...)}. Names are bound first (types, then every other index
 * space, imports before definitions as the text format requires), then the type definitions, then
 * every other field in order, so that fields may refer to names defined later.
 */
public final class ModuleParser {

    private final ModuleContext context = new ModuleContext();
    private final Module.Builder module = Module.builder();
    private final List<SExpr.Node> fields;
    private boolean sawStart;
    private boolean dataCountNeeded;
    private int dataSegmentCount;
    private int nextTypeIndex;
    private int funcIndex;
    private int tableIndex;
    private int memoryIndex;
    private int globalIndex;
    private int tagIndex;
    /** Kinds of definitions seen so far, for the rule that imports come before definitions. */
    private final List<String> definitions = new ArrayList<>();

    private ModuleParser(List<SExpr.Node> fields) {
        this.fields = fields;
    }

    /** Parses the fields that follow {@code module} and its optional name. */
    public static Module parse(List<SExpr> items) {
        List<SExpr.Node> fields = new ArrayList<>();
        for (SExpr item : items) {
            if (!(item instanceof SExpr.Node node) || node.head() == null) {
                throw new TextParseException("unexpected token " + item, item.line(), item.column());
            }
            fields.add(node);
        }
        return new ModuleParser(fields).parse();
    }

    private Module parse() {
        bindTypeNames();
        for (SExpr.Node field : fields) {
            bindNames(field);
        }
        for (SExpr.Node field : fields) {
            if (field.head().equals("type") || field.head().equals("rec")) {
                context.addRecGroup(recGroup(field));
            }
        }
        for (SExpr.Node field : fields) {
            field(field);
        }
        context.recGroups.forEach(module::addRecGroup);
        if (dataCountNeeded) {
            module.dataCount(dataSegmentCount);
        }
        Map<Integer, String> functionNames = context.funcs.namesByIndex();
        if (!functionNames.isEmpty()) {
            module.addCustomSection(NameSectionWriter.functionNames(functionNames));
        }
        return module.build();
    }


    private void bindTypeNames() {
        for (SExpr.Node field : fields) {
            if (field.head().equals("type")) {
                bindType(field);
            } else if (field.head().equals("rec")) {
                Cursor in = new Cursor(field, 1);
                while (!in.atEnd()) {
                    SExpr.Node type = in.takeNode("type");
                    if (type == null) {
                        throw in.unexpected();
                    }
                    bindType(type);
                }
            }
        }
    }

    private void bindType(SExpr.Node type) {
        Cursor in = new Cursor(type, 1);
        context.types.add(in.takeId(), type);
        context.fieldNames.add(new IndexSpace("field"));
    }


    private RecGroup recGroup(SExpr.Node field) {
        if (field.head().equals("type")) {
            return RecGroup.single(typeDefinition(field));
        }
        List<SubType> types = new ArrayList<>();
        Cursor in = new Cursor(field, 1);
        while (!in.atEnd()) {
            types.add(typeDefinition(in.takeNode("type")));
        }
        return new RecGroup(types, true);
    }

    private SubType typeDefinition(SExpr.Node node) {
        Cursor in = new Cursor(node, 1);
        in.takeId();
        SubType type = context.typeParser.subType(in, context.fieldNames.get(nextTypeIndex++));
        in.expectEnd();
        return type;
    }

    /** Binds the name of a field in its index space, checking that imports precede definitions. */
    private void bindNames(SExpr.Node field) {
        Cursor in = new Cursor(field, 1);
        String head = field.head();
        switch (head) {
            case "import" -> {
                checkImportOrder(field);
                in.expectString();
                in.expectString();
                SExpr.Node desc = in.expectNode();
                IndexSpace space = space(desc.head(), desc);
                space.add(new Cursor(desc, 1).takeId(), desc);
            }
            case "func", "table", "memory", "global", "tag" -> {
                String id = in.takeId();
                boolean imported = hasInlineImport(in);
                if (imported) {
                    checkImportOrder(field);
                } else {
                    definitions.add(head);
                }
                space(head, field).add(id, field);
                if (!imported && (head.equals("table") || head.equals("memory")) && hasInlineSegment(field)) {
                    (head.equals("table") ? context.elems : context.datas).add(null, field);
                }
            }
            case "elem" -> context.elems.add(in.takeId(), field);
            case "data" -> context.datas.add(in.takeId(), field);
            case "type", "rec", "export", "start" -> {
            }
            default -> throw new TextParseException("unknown module field " + head, field.line(), field.column());
        }
    }


    private void checkImportOrder(SExpr.Node field) {
        for (String kind : List.of("func", "global", "table", "memory", "tag")) {
            if (definitions.contains(kind)) {
                String name = kind.equals("func") ? "function" : kind;
                throw new TextParseException("import after " + name, field.line(), field.column());
            }
        }
    }

    private static boolean hasInlineImport(Cursor in) {
        Cursor probe = new Cursor(ownerOf(in), 0);
        while (!probe.atEnd()) {
            SExpr item = probe.next();
            if (item instanceof SExpr.Node node && "import".equals(node.head())) {
                return true;
            }
        }
        return false;
    }

    private static SExpr.Node ownerOf(Cursor in) {
        return in.owner();
    }

    private static boolean hasInlineSegment(SExpr.Node field) {
        for (SExpr item : field.items()) {
            if (item instanceof SExpr.Node node && ("elem".equals(node.head()) || "data".equals(node.head()))) {
                return true;
            }
        }
        return false;
    }

    private IndexSpace space(String kind, SExpr where) {
        return switch (kind == null ? "" : kind) {
            case "func" -> context.funcs;
            case "table" -> context.tables;
            case "memory" -> context.memories;
            case "global" -> context.globals;
            case "tag" -> context.tags;
            default -> throw new TextParseException("unexpected token: unknown import kind " + kind, where.line(),
                    where.column());
        };
    }

    private void field(SExpr.Node field) {
        Cursor in = new Cursor(field, 1);
        switch (field.head()) {
            case "type", "rec" -> {
            }
            case "import" -> importField(in);
            case "func" -> func(in);
            case "table" -> table(in);
            case "memory" -> memory(in);
            case "global" -> global(in);
            case "tag" -> tag(in);
            case "export" -> export(in);
            case "start" -> start(in, field);
            case "elem" -> elem(in);
            case "data" -> data(in);
            default -> throw new TextParseException("unknown module field " + field.head(), field.line(), field.column());
        }
    }

    private void importField(Cursor in) {
        String moduleName = in.expectString();
        String name = in.expectString();
        SExpr.Node desc = in.expectNode();
        in.expectEnd();
        Cursor d = new Cursor(desc, 1);
        d.takeId();
        module.addImport(new Import(moduleName, name, externType(desc.head(), d)));
        d.expectEnd();
        countImport(desc.head());
    }

    /** Imports take the first indices of their space, so later inline exports must count them. */
    private void countImport(String kind) {
        switch (kind) {
            case "func" -> funcIndex++;
            case "table" -> tableIndex++;
            case "memory" -> memoryIndex++;
            case "global" -> globalIndex++;
            case "tag" -> tagIndex++;
            default -> throw new IllegalStateException("import kind " + kind);
        }
    }

    private ExternType externType(String kind, Cursor in) {
        return switch (kind) {
            case "func" -> {
                SExpr.Node exact = in.takeNode("exact");
                if (exact != null) {
                    Cursor e = new Cursor(exact, 1);
                    int type = context.typeUse(e, null, true);
                    e.expectEnd();
                    yield new ExternType.Func(type, true);
                }
                yield new ExternType.Func(context.typeUse(in, null, true));
            }
            case "table" -> new ExternType.Table(context.typeParser.tableType(in, TypeParser.addressType(in)));
            case "memory" -> new ExternType.Memory(context.typeParser.memoryType(in, TypeParser.addressType(in)));
            case "global" -> new ExternType.Global(context.typeParser.globalType(in));
            case "tag" -> new ExternType.Tag(context.typeUse(in, null, true));
            default -> throw in.error("unexpected token: unknown import kind " + kind);
        };
    }

    /** Inline {@code (export "name")} clauses; returns the {@code (import "m" "n")} clause if there is one. */
    private SExpr.Node exportsAndImport(Cursor in, ExternalKind kind, int index) {
        SExpr.Node export;
        while ((export = in.takeNode("export")) != null) {
            Cursor e = new Cursor(export, 1);
            module.addExport(new Export(e.expectString(), kind, index));
            e.expectEnd();
        }
        return in.takeNode("import");
    }

    private void inlineImport(SExpr.Node node, Cursor rest, String kind) {
        Cursor i = new Cursor(node, 1);
        String moduleName = i.expectString();
        String name = i.expectString();
        i.expectEnd();
        module.addImport(new Import(moduleName, name, externType(kind, rest)));
        rest.expectEnd();
    }


    private void func(Cursor in) {
        in.takeId();
        int index = funcIndex++;
        SExpr.Node imported = exportsAndImport(in, ExternalKind.FUNC, index);
        if (imported != null) {
            inlineImport(imported, in, "func");
            return;
        }
        List<String> paramNames = new ArrayList<>();
        int type = context.typeUse(in, paramNames, true);
        IndexSpace locals = new IndexSpace("local");
        SExpr where = in.peek() == null ? null : in.peek();
        for (String name : paramNames) {
            locals.add(name, where == null ? ownerOf(in) : where);
        }
        List<Locals> declared = new ArrayList<>();
        SExpr.Node local;
        while ((local = in.takeNode("local")) != null) {
            Cursor l = new Cursor(local, 1);
            String name = l.takeId();
            if (name != null) {
                locals.add(name, local);
                declared.add(new Locals(1, context.typeParser.valType(l)));
                l.expectEnd();
            } else {
                while (!l.atEnd()) {
                    locals.add(null, local);
                    declared.add(new Locals(1, context.typeParser.valType(l)));
                }
            }
        }
        Expr body = new InstructionParser(context, locals).expr(in);
        noteDataUse(body);
        module.addFunction(new Function(type, compress(declared), body));
    }

    /** Adjacent locals of one type share an entry, as a binary encoder would write them. */
    private static List<Locals> compress(List<Locals> locals) {
        List<Locals> result = new ArrayList<>();
        for (Locals run : locals) {
            int last = result.size() - 1;
            if (last >= 0 && result.get(last).type().equals(run.type())) {
                result.set(last, new Locals(result.get(last).count() + run.count(), run.type()));
            } else {
                result.add(run);
            }
        }
        return result;
    }

    /** The data count section is written when code refers to data segments, as the binary requires. */
    private void noteDataUse(Expr body) {
        for (Instruction instruction : body.instructions()) {
            Opcode op = instruction.opcode();
            if (op == Opcode.MEMORY_INIT || op == Opcode.DATA_DROP || op == Opcode.ARRAY_NEW_DATA
                    || op == Opcode.ARRAY_INIT_DATA) {
                dataCountNeeded = true;
                return;
            }
        }
    }

    private void table(Cursor in) {
        in.takeId();
        int index = tableIndex++;
        SExpr.Node imported = exportsAndImport(in, ExternalKind.TABLE, index);
        if (imported != null) {
            inlineImport(imported, in, "table");
            return;
        }
        AddressType addressType = TypeParser.addressType(in);
        ValType elementType = context.typeParser.maybeValType(in);
        if (elementType instanceof RefType refType) {
            SExpr.Node elem = in.takeNode("elem");
            if (elem == null) {
                throw in.unexpected();
            }
            in.expectEnd();
            List<Expr> init = elementList(new Cursor(elem, 1), refType);
            long size = init.size();
            Limits limits = new Limits(addressType, size, OptionalLong.of(size));
            module.addTable(new Table(new TableType(refType, limits), null));
            RefType segmentType = isFunctionIndexList(elem) ? RefType.nonNullable(AbsHeapType.FUNC) : refType;
            module.addElement(new ElementSegment(new SegmentMode.Active(index, zeroOffset(addressType)), segmentType, init));
            return;
        }
        TableType type = context.typeParser.tableType(in, addressType);
        Expr init = in.atEnd() ? null : new InstructionParser(context, new IndexSpace("local")).expr(in);
        module.addTable(new Table(type, init));
    }

    private static boolean isFunctionIndexList(SExpr.Node elem) {
        return elem.items().size() == 1 || elem.items().get(1) instanceof SExpr.Atom;
    }

    private static Expr zeroOffset(AddressType addressType) {
        Instruction zero = addressType == AddressType.I64 ? new Instruction.I64Const(0) : new Instruction.I32Const(0);
        return Expr.of(List.of(zero, Instruction.Plain.of(Opcode.END)));
    }

    private void memory(Cursor in) {
        in.takeId();
        int index = memoryIndex++;
        SExpr.Node imported = exportsAndImport(in, ExternalKind.MEMORY, index);
        if (imported != null) {
            inlineImport(imported, in, "memory");
            return;
        }
        AddressType addressType = TypeParser.addressType(in);
        if (in.peekNode("data") != null || in.peekNode("pagesize") != null && in.peekAt(1) instanceof SExpr.Node) {
            int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
            SExpr.Node pageSize = in.takeNode("pagesize");
            if (pageSize != null) {
                Cursor p = new Cursor(pageSize, 1);
                pageSizeLog2 = Long.numberOfTrailingZeros(TypeParser.unsigned(p, 64));
                p.expectEnd();
            }
            SExpr.Node data = in.takeNode("data");
            if (data == null) {
                throw in.unexpected();
            }
            in.expectEnd();
            byte[] bytes = strings(new Cursor(data, 1));
            long pageBytes = 1L << pageSizeLog2;
            long pages = (bytes.length + pageBytes - 1) / pageBytes;
            module.addMemory(new MemoryType(new Limits(addressType, pages, OptionalLong.of(pages)), false, pageSizeLog2));
            module.addData(new DataSegment(new SegmentMode.Active(index, zeroOffset(addressType)), bytes));
            dataSegmentCount++;
            return;
        }
        module.addMemory(context.typeParser.memoryType(in, addressType));
        in.expectEnd();
    }

    private void global(Cursor in) {
        in.takeId();
        int index = globalIndex++;
        SExpr.Node imported = exportsAndImport(in, ExternalKind.GLOBAL, index);
        if (imported != null) {
            inlineImport(imported, in, "global");
            return;
        }
        GlobalType type = context.typeParser.globalType(in);
        module.addGlobal(new Global(type, new InstructionParser(context, new IndexSpace("local")).expr(in)));
    }

    private void tag(Cursor in) {
        in.takeId();
        int index = tagIndex++;
        SExpr.Node imported = exportsAndImport(in, ExternalKind.TAG, index);
        if (imported != null) {
            inlineImport(imported, in, "tag");
            return;
        }
        module.addTag(new Tag(context.typeUse(in, null, true)));
        in.expectEnd();
    }

    private void export(Cursor in) {
        String name = in.expectString();
        SExpr.Node desc = in.expectNode();
        in.expectEnd();
        Cursor d = new Cursor(desc, 1);
        Token ref = d.takeToken(Token.Kind.ID);
        if (ref == null) {
            ref = d.takeToken(Token.Kind.ATOM);
        }
        if (ref == null) {
            throw d.unexpected();
        }
        d.expectEnd();
        ExternalKind kind = switch (desc.head() == null ? "" : desc.head()) {
            case "func" -> ExternalKind.FUNC;
            case "table" -> ExternalKind.TABLE;
            case "memory" -> ExternalKind.MEMORY;
            case "global" -> ExternalKind.GLOBAL;
            case "tag" -> ExternalKind.TAG;
            default -> throw new TextParseException("unexpected token " + desc, desc.line(), desc.column());
        };
        module.addExport(new Export(name, kind, space(kind.text(), desc).require(ref)));
    }

    private void start(Cursor in, SExpr.Node field) {
        if (sawStart) {
            throw new TextParseException("multiple start sections", field.line(), field.column());
        }
        sawStart = true;
        Token ref = in.takeToken(Token.Kind.ID);
        if (ref == null) {
            ref = in.takeToken(Token.Kind.ATOM);
        }
        if (ref == null) {
            throw in.unexpected();
        }
        in.expectEnd();
        module.start(context.funcs.require(ref));
    }

    private void elem(Cursor in) {
        in.takeId();
        SegmentMode mode;
        if (in.takeKeyword("declare")) {
            mode = new SegmentMode.Declarative();
        } else {
            int table = 0;
            SExpr.Node tableUse = in.takeNode("table");
            if (tableUse != null) {
                Cursor t = new Cursor(tableUse, 1);
                table = index(t, context.tables);
            } else if ((in.peekToken(Token.Kind.ID) != null || startsIndexList(in)) && in.peekAt(1) instanceof SExpr.Node) {
                table = index(in, context.tables);
            }
            Expr offset = offset(in);
            mode = offset == null ? new SegmentMode.Passive() : new SegmentMode.Active(table, offset);
        }
        RefType type;
        List<Expr> init;
        boolean functionIndices = in.takeKeyword("func") || mode instanceof SegmentMode.Active && startsIndexList(in);
        if (functionIndices) {
            type = RefType.nonNullable(AbsHeapType.FUNC);
            init = functionIndexList(in);
        } else {
            type = context.typeParser.refType(in);
            init = expressionList(in);
        }
        in.expectEnd();
        module.addElement(new ElementSegment(mode, type, init));
    }

    private static boolean startsIndexList(Cursor in) {
        return in.atEnd() || in.peekToken(Token.Kind.ID) != null
                || in.peekToken(Token.Kind.ATOM) != null && Literals.integer(in.peekToken(Token.Kind.ATOM).text()) != null;
    }

    /** {@code (offset expr)} or a single folded instruction; null when the segment is passive. */
    private Expr offset(Cursor in) {
        SExpr.Node offset = in.takeNode("offset");
        if (offset != null) {
            return new InstructionParser(context, new IndexSpace("local")).expr(new Cursor(offset, 1));
        }
        SExpr next = in.peek();
        if (next instanceof SExpr.Node node && node.head() != null && !node.head().equals("item")
                && !node.head().equals("ref") && !node.head().equals("exact") && TypeParser.shorthandRefType(node.head()) == null) {
            in.next();
            return singleInstruction(node);
        }
        return null;
    }

    private Expr singleInstruction(SExpr.Node node) {
        SExpr.Node wrapper = new SExpr.Node(List.of(new SExpr.Atom(new Token(Token.Kind.ATOM, "offset", null,
                node.line(), node.column())), node), node.line(), node.column());
        return new InstructionParser(context, new IndexSpace("local")).expr(new Cursor(wrapper, 1));
    }

    /** An element list inside a table abbreviation: function indices or expressions. */
    private List<Expr> elementList(Cursor in, RefType tableType) {
        if (startsIndexList(in)) {
            return functionIndexList(in);
        }
        return expressionList(in);
    }

    private List<Expr> functionIndexList(Cursor in) {
        List<Expr> init = new ArrayList<>();
        while (!in.atEnd()) {
            init.add(Expr.of(List.of(new Instruction.Indexed(Opcode.REF_FUNC, index(in, context.funcs)),
                    Instruction.Plain.of(Opcode.END))));
        }
        return init;
    }

    private List<Expr> expressionList(Cursor in) {
        List<Expr> init = new ArrayList<>();
        while (!in.atEnd()) {
            SExpr.Node item = in.takeNode("item");
            if (item != null) {
                init.add(new InstructionParser(context, new IndexSpace("local")).expr(new Cursor(item, 1)));
            } else {
                SExpr next = in.next();
                if (!(next instanceof SExpr.Node node)) {
                    throw new TextParseException("unexpected token " + next, next.line(), next.column());
                }
                init.add(singleInstruction(node));
            }
        }
        return init;
    }

    private void data(Cursor in) {
        in.takeId();
        int memory = 0;
        SExpr.Node memoryUse = in.takeNode("memory");
        if (memoryUse != null) {
            memory = index(new Cursor(memoryUse, 1), context.memories);
        } else if (in.peekToken(Token.Kind.ID) != null || in.peekToken(Token.Kind.ATOM) != null) {
            memory = index(in, context.memories);
        }
        Expr offset = offset(in);
        SegmentMode mode = offset == null ? new SegmentMode.Passive() : new SegmentMode.Active(memory, offset);
        module.addData(new DataSegment(mode, strings(in)));
        dataSegmentCount++;
    }

    private static byte[] strings(Cursor in) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!in.atEnd()) {
            Token string = in.takeToken(Token.Kind.STRING);
            if (string == null) {
                throw in.unexpected();
            }
            bytes.writeBytes(string.bytes());
        }
        return bytes.toByteArray();
    }

    private static int index(Cursor in, IndexSpace space) {
        SExpr item = in.next();
        Integer index = item instanceof SExpr.Atom atom ? space.resolve(atom.token()) : null;
        if (index == null) {
            throw new TextParseException("unexpected token " + item, item.line(), item.column());
        }
        return index;
    }
}
