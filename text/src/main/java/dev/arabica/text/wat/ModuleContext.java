package dev.arabica.text.wat;

import dev.arabica.format.model.CompType;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.SubType;
import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parser knows of a module while it reads the fields: the index spaces with their names,
 * and the types, to which type uses with inline signatures may append implicit types.
 */
final class ModuleContext {

    final IndexSpace types = new IndexSpace("type");
    final IndexSpace funcs = new IndexSpace("function");
    final IndexSpace tables = new IndexSpace("table");
    final IndexSpace memories = new IndexSpace("memory");
    final IndexSpace globals = new IndexSpace("global");
    final IndexSpace tags = new IndexSpace("tag");
    final IndexSpace elems = new IndexSpace("elem segment");
    final IndexSpace datas = new IndexSpace("data segment");
    /** Field names of each type, by type index. */
    final List<IndexSpace> fieldNames = new ArrayList<>();
    final List<RecGroup> recGroups = new ArrayList<>();
    private final List<SubType> typeList = new ArrayList<>();
    final TypeParser typeParser = new TypeParser(types);

    void addRecGroup(RecGroup group) {
        recGroups.add(group);
        typeList.addAll(group.types());
    }

    SubType type(int index) {
        return index >= 0 && index < typeList.size() ? typeList.get(index) : null;
    }

    /**
     * A type use: {@code (type x)?} followed by inline params and results. Without {@code (type x)}
     * the first plain function type with that signature is used, or a new one is appended.
     * Parameter names (null where absent) are added to {@code paramNames} when it is not null;
     * block types and {@code call_indirect} may not name parameters ({@code namesAllowed} false).
     */
    int typeUse(Cursor in, List<String> paramNames, boolean namesAllowed) {
        SExpr.Node typeNode = in.takeNode("type");
        Integer explicit = null;
        if (typeNode != null) {
            Cursor t = new Cursor(typeNode, 1);
            SExpr ref = t.next();
            t.expectEnd();
            explicit = ref instanceof SExpr.Atom a ? types.resolve(a.token()) : null;
            if (explicit == null) {
                throw new TextParseException("unexpected token " + ref, ref.line(), ref.column());
            }
        }
        boolean inline = in.peekNode("param") != null || in.peekNode("result") != null;
        FuncType signature = typeParser.funcSignature(in, paramNames, namesAllowed);
        if (explicit != null) {
            SubType type = type(explicit);
            if (type != null && type.compType() instanceof FuncType declared) {
                if (inline && !declared.equals(signature)) {
                    throw new TextParseException("inline function type does not match (type " + explicit + ")",
                            typeNode.line(), typeNode.column());
                }
                if (!inline && paramNames != null) {
                    for (int i = 0; i < declared.params().size(); i++) {
                        paramNames.add(null);
                    }
                }
            }
            return explicit;
        }
        return implicitType(signature);
    }

    /** The index of the first plain function type with this signature, appending one if none. */
    int implicitType(FuncType signature) {
        for (int i = 0; i < typeList.size(); i++) {
            SubType type = typeList.get(i);
            if (isPlainFunction(type) && type.compType().equals(signature) && groupSizeOf(i) == 1) {
                return i;
            }
        }
        SubType type = SubType.of(signature);
        addRecGroup(RecGroup.single(type));
        fieldNames.add(new IndexSpace("field"));
        return typeList.size() - 1;
    }

    private static boolean isPlainFunction(SubType type) {
        CompType comp = type.compType();
        return comp instanceof FuncType && type.isFinal() && type.supertypes().isEmpty()
                && type.describes().isEmpty() && type.descriptor().isEmpty();
    }

    private int groupSizeOf(int typeIndex) {
        int start = 0;
        for (RecGroup group : recGroups) {
            int size = group.types().size();
            if (typeIndex < start + size) {
                return size;
            }
            start += size;
        }
        return 0;
    }

    /** Resolves a field of struct type {@code typeIndex} by name or number. */
    int field(int typeIndex, Token token) {
        IndexSpace fields = typeIndex >= 0 && typeIndex < fieldNames.size() ? fieldNames.get(typeIndex) : null;
        if (fields == null) {
            if (token.kind() == Token.Kind.ID) {
                throw new TextParseException("unknown field $" + token.text(), token.line(), token.column());
            }
            fields = new IndexSpace("field");
        }
        Integer index = fields.resolve(token);
        if (index == null) {
            throw new TextParseException("unexpected token " + token, token.line(), token.column());
        }
        return index;
    }
}
