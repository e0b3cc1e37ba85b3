package dev.arabica.text.wat;

import dev.arabica.format.model.AbsHeapType;
import dev.arabica.format.model.AddressType;
import dev.arabica.format.model.ArrayType;
import dev.arabica.format.model.CompType;
import dev.arabica.format.model.FieldType;
import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.HeapType;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.PackedType;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.StorageType;
import dev.arabica.format.model.StructType;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.TypeIndexHeapType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import dev.arabica.text.TextParseException;
import dev.arabica.text.lexer.SExpr;
import dev.arabica.text.lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Parses types: value, reference and heap types, type definitions, limits. */
final class TypeParser {

    private final IndexSpace types;

    TypeParser(IndexSpace types) {
        this.types = types;
    }

    /** A value type at the cursor, or null if the next item is not one. */
    ValType maybeValType(Cursor in) {
        SExpr item = in.peek();
        ValType type = valType(item);
        if (type != null) {
            in.next();
        }
        return type;
    }

    ValType valType(Cursor in) {
        ValType type = maybeValType(in);
        if (type == null) {
            throw in.unexpected();
        }
        return type;
    }

    ValType valType(SExpr item) {
        if (item instanceof SExpr.Atom atom && atom.token().kind() == Token.Kind.ATOM) {
            return switch (atom.token().text()) {
                case "i32" -> NumType.I32;
                case "i64" -> NumType.I64;
                case "f32" -> NumType.F32;
                case "f64" -> NumType.F64;
                case "v128" -> VecType.V128;
                default -> shorthandRefType(atom.token().text());
            };
        }
        if (item instanceof SExpr.Node node) {
            return refType(node);
        }
        return null;
    }

    /** {@code funcref}, {@code anyref}, ... {@code nullexnref}: nullable references to an abstract type. */
    static RefType shorthandRefType(String text) {
        if (!text.endsWith("ref")) {
            return null;
        }
        String heap = text.substring(0, text.length() - 3);
        AbsHeapType abs = switch (heap) {
            case "null" -> AbsHeapType.NONE;
            case "nullfunc" -> AbsHeapType.NOFUNC;
            case "nullextern" -> AbsHeapType.NOEXTERN;
            case "nullexn" -> AbsHeapType.NOEXN;
            default -> AbsHeapType.fromText(heap);
        };
        return abs == null ? null : RefType.nullable(abs);
    }

    /** {@code (ref null? ht)}, with {@code ht} possibly {@code (exact $t)}; null if not a ref form. */
    RefType refType(SExpr.Node node) {
        if ("exact".equals(node.head())) {
            Cursor in = new Cursor(node, 1);
            SExpr inner = in.next();
            in.expectEnd();
            RefType shorthand = inner instanceof SExpr.Atom a ? shorthandRefType(a.token().text()) : null;
            if (shorthand == null) {
                throw new TextParseException("unexpected token: expected a reference type", inner.line(), inner.column());
            }
            return new RefType(true, true, shorthand.heapType());
        }
        if (!"ref".equals(node.head())) {
            return null;
        }
        Cursor in = new Cursor(node, 1);
        boolean nullable = in.takeKeyword("null");
        boolean exact = in.takeKeyword("exact");
        SExpr.Node exactNode = in.takeNode("exact");
        HeapType heap;
        if (exactNode != null) {
            exact = true;
            Cursor inner = new Cursor(exactNode, 1);
            heap = heapType(inner);
            inner.expectEnd();
        } else {
            heap = heapType(in);
        }
        in.expectEnd();
        return new RefType(nullable, exact, heap);
    }

    /** A heap type; {@code (exact x)} is accepted where only the heap type matters ({@code ref.null}). */
    HeapType heapType(Cursor in) {
        SExpr.Node exact = in.takeNode("exact");
        if (exact != null) {
            Cursor inner = new Cursor(exact, 1);
            HeapType type = heapType(inner);
            inner.expectEnd();
            return type;
        }
        SExpr item = in.next();
        if (item instanceof SExpr.Atom atom) {
            Token token = atom.token();
            if (token.kind() == Token.Kind.ATOM) {
                AbsHeapType abs = AbsHeapType.fromText(token.text());
                if (abs != null) {
                    return abs;
                }
            }
            Integer index = types.resolve(token);
            if (index != null) {
                return new TypeIndexHeapType(index);
            }
        }
        throw new TextParseException("unexpected token " + item + ": expected a heap type", item.line(), item.column());
    }

    /** A reference type: a shorthand or a {@code (ref ...)} form. */
    RefType refType(Cursor in) {
        SExpr item = in.peek();
        ValType type = valType(in);
        if (!(type instanceof RefType ref)) {
            throw new TextParseException("malformed reference type", item.line(), item.column());
        }
        return ref;
    }

    /**
     * {@code (param ...)*} followed by {@code (result ...)*}. Parameter names are collected into
     * {@code paramNames} when it is not null; they are malformed where {@code namesAllowed} is false.
     */
    FuncType funcSignature(Cursor in, List<String> paramNames, boolean namesAllowed) {
        List<ValType> params = new ArrayList<>();
        List<ValType> results = new ArrayList<>();
        SExpr.Node node;
        while ((node = in.takeNode("param")) != null) {
            Cursor param = new Cursor(node, 1);
            Token id = param.peekToken(Token.Kind.ID);
            String name = param.takeId();
            if (name != null && !namesAllowed) {
                throw new TextParseException("unexpected token $" + name + ": parameters cannot be named here",
                        id.line(), id.column());
            }
            if (name != null) {
                params.add(valType(param));
                param.expectEnd();
                if (paramNames != null) {
                    paramNames.add(name);
                }
            } else {
                while (!param.atEnd()) {
                    params.add(valType(param));
                    if (paramNames != null) {
                        paramNames.add(null);
                    }
                }
            }
        }
        while ((node = in.takeNode("result")) != null) {
            Cursor result = new Cursor(node, 1);
            while (!result.atEnd()) {
                results.add(valType(result));
            }
        }
        return new FuncType(params, results);
    }

    /**
     * The body of {@code (type $id? ...)}: {@code (sub final? super* ...)} or, after optional
     * {@code (describes x)} and {@code (descriptor x)} clauses, a composite type.
     */
    SubType subType(Cursor in, IndexSpace fieldNames) {
        SExpr.Node sub = in.takeNode("sub");
        if (sub != null) {
            Cursor s = new Cursor(sub, 1);
            boolean isFinal = s.takeKeyword("final");
            List<Integer> supertypes = new ArrayList<>();
            Token token;
            while ((token = s.peekToken(Token.Kind.ID)) != null || (token = s.peekToken(Token.Kind.ATOM)) != null) {
                s.next();
                supertypes.add(types.require(token));
            }
            SubType inner = subType(s, fieldNames);
            s.expectEnd();
            return new SubType(isFinal, supertypes, inner.describes(), inner.descriptor(), inner.compType());
        }
        OptionalInt describes = OptionalInt.empty();
        OptionalInt descriptor = OptionalInt.empty();
        SExpr.Node clause;
        while ((clause = in.takeNode("describes")) != null || (clause = in.takeNode("descriptor")) != null) {
            Cursor c = new Cursor(clause, 1);
            Token target = c.takeToken(Token.Kind.ID);
            if (target == null) {
                target = c.takeToken(Token.Kind.ATOM);
            }
            Integer index = target == null ? null : types.resolve(target);
            if (index == null) {
                throw c.unexpected();
            }
            OptionalInt value = OptionalInt.of(index);
            if ("describes".equals(clause.head())) {
                describes = value;
            } else {
                descriptor = value;
            }
            if (!c.atEnd()) {
                SubType inner = subType(c, fieldNames);
                c.expectEnd();
                return new SubType(true, List.of(), describes.isPresent() ? describes : inner.describes(),
                        descriptor.isPresent() ? descriptor : inner.descriptor(), inner.compType());
            }
        }
        SExpr item = in.next();
        if (!(item instanceof SExpr.Node node)) {
            throw new TextParseException("unexpected token " + item, item.line(), item.column());
        }
        return new SubType(true, List.of(), describes, descriptor, compType(node, fieldNames));
    }

    private CompType compType(SExpr.Node node, IndexSpace fieldNames) {
        Cursor in = new Cursor(node, 1);
        String head = node.head() == null ? "" : node.head();
        switch (head) {
            case "func": {
                FuncType type = funcSignature(in, null, true);
                in.expectEnd();
                return type;
            }
            case "struct": {
                List<FieldType> fields = new ArrayList<>();
                SExpr.Node field;
                while ((field = in.takeNode("field")) != null) {
                    Cursor f = new Cursor(field, 1);
                    String name = f.takeId();
                    if (name != null) {
                        fieldNames.add(name, field);
                        fields.add(fieldType(f));
                        f.expectEnd();
                    } else {
                        while (!f.atEnd()) {
                            fieldNames.add(null, field);
                            fields.add(fieldType(f));
                        }
                    }
                }
                in.expectEnd();
                return new StructType(fields);
            }
            case "array": {
                FieldType element = fieldType(in);
                in.expectEnd();
                return new ArrayType(element);
            }
            default:
                throw new TextParseException("unexpected token: expected func, struct or array", node.line(), node.column());
        }
    }

    private FieldType fieldType(Cursor in) {
        SExpr.Node mut = in.takeNode("mut");
        Cursor c = mut != null ? new Cursor(mut, 1) : in;
        StorageType storage;
        if (c.takeKeyword("i8")) {
            storage = PackedType.I8;
        } else if (c.takeKeyword("i16")) {
            storage = PackedType.I16;
        } else {
            storage = valType(c);
        }
        if (mut != null) {
            c.expectEnd();
        }
        return new FieldType(storage, mut != null);
    }

    GlobalType globalType(Cursor in) {
        SExpr.Node mut = in.takeNode("mut");
        if (mut != null) {
            Cursor c = new Cursor(mut, 1);
            ValType type = valType(c);
            c.expectEnd();
            return GlobalType.of(type, true);
        }
        return GlobalType.of(valType(in), false);
    }

    /**
     * {@code min max?} with the address type already read. Values are read as u64 whatever the
     * address type; sizes beyond a 32-bit memory's or table's range are the validator's to reject.
     */
    Limits limits(Cursor in, AddressType addressType) {
        int width = 64;
        long min = unsigned(in, width);
        OptionalLong max = OptionalLong.empty();
        Token next = in.peekToken(Token.Kind.ATOM);
        if (next != null && Literals.integer(next.text()) != null) {
            max = OptionalLong.of(unsigned(in, width));
        }
        return new Limits(addressType, min, max);
    }

    static long unsigned(Cursor in, int width) {
        Token token = in.takeToken(Token.Kind.ATOM);
        if (token == null) {
            throw in.unexpected();
        }
        try {
            Long value = Literals.unsigned(token.text(), width);
            if (value == null) {
                throw new TextParseException("unexpected token " + token, token.line(), token.column());
            }
            return value;
        } catch (Literals.OutOfRange e) {
            throw new TextParseException("constant out of range", token.line(), token.column());
        }
    }

    static AddressType addressType(Cursor in) {
        if (in.takeKeyword("i64")) {
            return AddressType.I64;
        }
        in.takeKeyword("i32");
        return AddressType.I32;
    }

    TableType tableType(Cursor in, AddressType addressType) {
        Limits limits = limits(in, addressType);
        return new TableType(refType(in), limits);
    }

    MemoryType memoryType(Cursor in, AddressType addressType) {
        Limits limits = limits(in, addressType);
        boolean shared = in.takeKeyword("shared");
        if (!shared) {
            in.takeKeyword("unshared");
        }
        int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        SExpr.Node pageSize = in.takeNode("pagesize");
        if (pageSize != null) {
            Cursor p = new Cursor(pageSize, 1);
            long size = unsigned(p, 64);
            p.expectEnd();
            if (size == 0 || Long.bitCount(size) != 1) {
                throw new TextParseException("invalid custom page size", pageSize.line(), pageSize.column());
            }
            pageSizeLog2 = Long.numberOfTrailingZeros(size);
        }
        return new MemoryType(limits, shared, pageSizeLog2);
    }
}
