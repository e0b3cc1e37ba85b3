package dev.arabica.format.binary;

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
import dev.arabica.format.model.RecGroup;
import dev.arabica.format.model.RefType;
import dev.arabica.format.model.StorageType;
import dev.arabica.format.model.StructType;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.TypeIndexHeapType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Decodes the type encodings: value, reference and heap types, composite and sub types, limits. */
final class TypeDecoder {

    static final int REF_NULLABLE = 0x63;
    static final int REF_NON_NULL = 0x64;
    static final int REF_EXACT = 0x62;
    static final int REC = 0x4E;
    static final int SUB = 0x50;
    static final int SUB_FINAL = 0x4F;
    static final int DESCRIPTOR = 0x4D;
    static final int DESCRIBES = 0x4C;
    static final int FUNC = 0x60;
    static final int STRUCT = 0x5F;
    static final int ARRAY = 0x5E;

    private TypeDecoder() {
    }

    static RecGroup recGroup(BinaryReader in) {
        if (in.peekU8() == REC) {
            in.u8();
            int count = in.vectorLength(1);
            List<SubType> types = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                types.add(subType(in));
            }
            return new RecGroup(types, true);
        }
        return RecGroup.single(subType(in));
    }

    private static SubType subType(BinaryReader in) {
        int form = in.peekU8();
        boolean isFinal = true;
        List<Integer> supertypes = List.of();
        if (form == SUB || form == SUB_FINAL) {
            in.u8();
            isFinal = form == SUB_FINAL;
            supertypes = indices(in);
        }
        OptionalInt describes = OptionalInt.empty();
        OptionalInt descriptor = OptionalInt.empty();
        if (in.peekU8() == DESCRIBES) {
            in.u8();
            describes = OptionalInt.of(in.u32());
        }
        if (in.peekU8() == DESCRIPTOR) {
            in.u8();
            descriptor = OptionalInt.of(in.u32());
        }
        return new SubType(isFinal, supertypes, describes, descriptor, compType(in));
    }

    private static List<Integer> indices(BinaryReader in) {
        int count = in.vectorLength(1);
        List<Integer> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(in.u32());
        }
        return result;
    }

    private static CompType compType(BinaryReader in) {
        int offset = in.position();
        int form = in.u8();
        switch (form) {
            case FUNC:
                return new FuncType(valTypes(in), valTypes(in));
            case STRUCT: {
                int count = in.vectorLength(2);
                List<FieldType> fields = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    fields.add(fieldType(in));
                }
                return new StructType(fields);
            }
            case ARRAY:
                return new ArrayType(fieldType(in));
            default:
                throw in.malformedAt("malformed type: unknown composite type form 0x" + Integer.toHexString(form), offset);
        }
    }

    private static FieldType fieldType(BinaryReader in) {
        StorageType storage;
        int code = in.peekU8();
        if (code == PackedType.I8.code()) {
            in.u8();
            storage = PackedType.I8;
        } else if (code == PackedType.I16.code()) {
            in.u8();
            storage = PackedType.I16;
        } else {
            storage = valType(in);
        }
        return new FieldType(storage, mutability(in));
    }

    static boolean mutability(BinaryReader in) {
        int offset = in.position();
        int flag = in.u8();
        if (flag > 1) {
            throw in.malformedAt("malformed mutability", offset);
        }
        return flag == 1;
    }

    static List<ValType> valTypes(BinaryReader in) {
        int count = in.vectorLength(1);
        List<ValType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(valType(in));
        }
        return types;
    }

    /** Whether {@code code} starts a value type (used to tell block types from type indices). */
    static boolean startsValType(int code) {
        return numType(code) != null || code == 0x7B || code == REF_NULLABLE || code == REF_NON_NULL
                || AbsHeapType.fromCode(code) != null;
    }

    static ValType valType(BinaryReader in) {
        int offset = in.position();
        int code = in.peekU8();
        NumType num = numType(code);
        if (num != null) {
            in.u8();
            return num;
        }
        if (code == 0x7B) {
            in.u8();
            return VecType.V128;
        }
        if (code == REF_NULLABLE || code == REF_NON_NULL || AbsHeapType.fromCode(code) != null) {
            return refType(in);
        }
        throw in.malformedAt("malformed value type 0x" + Integer.toHexString(code), offset);
    }

    private static NumType numType(int code) {
        for (NumType type : NumType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        return null;
    }

    /** A reference type; in the custom-descriptors encoding, {@code 0x62} before the heap type marks it exact. */
    static RefType refType(BinaryReader in) {
        int offset = in.position();
        int code = in.u8();
        if (code == REF_NULLABLE || code == REF_NON_NULL) {
            boolean exact = in.peekU8() == REF_EXACT;
            if (exact) {
                in.u8();
            }
            return new RefType(code == REF_NULLABLE, exact, heapType(in));
        }
        AbsHeapType shorthand = AbsHeapType.fromCode(code);
        if (shorthand == null) {
            throw in.malformedAt("malformed reference type", offset);
        }
        return new RefType(true, false, shorthand);
    }

    static HeapType heapType(BinaryReader in) {
        int offset = in.position();
        long value = in.s33();
        if (value >= 0) {
            return new TypeIndexHeapType((int) value);
        }
        AbsHeapType abs = value >= -64 ? AbsHeapType.fromCode((int) (value & 0x7F)) : null;
        if (abs == null) {
            throw in.malformedAt("malformed heap type", offset);
        }
        return abs;
    }

    static TableType tableType(BinaryReader in) {
        RefType element = refType(in);
        int offset = in.position();
        int flags = in.u8();
        if ((flags & ~0x05) != 0) {
            throw in.malformedAt("malformed limits flags", offset);
        }
        return new TableType(element, limits(in, flags));
    }

    static MemoryType memoryType(BinaryReader in) {
        int offset = in.position();
        int flags = in.u8();
        if ((flags & ~0x0F) != 0) {
            throw in.malformedAt("malformed limits flags", offset);
        }
        Limits limits = limits(in, flags);
        int pageSizeLog2 = MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        if ((flags & 0x08) != 0) {
            int pageOffset = in.position();
            pageSizeLog2 = in.u32();
            if (pageSizeLog2 < 0 || pageSizeLog2 > 64) {
                throw in.malformedAt("malformed memory page size", pageOffset);
            }
        }
        return new MemoryType(limits, (flags & 0x02) != 0, pageSizeLog2);
    }

    private static Limits limits(BinaryReader in, int flags) {
        boolean is64 = (flags & 0x04) != 0;
        long min = is64 ? in.u64() : in.u32AsLong();
        OptionalLong max = OptionalLong.empty();
        if ((flags & 0x01) != 0) {
            max = OptionalLong.of(is64 ? in.u64() : in.u32AsLong());
        }
        return new Limits(is64 ? AddressType.I64 : AddressType.I32, min, max);
    }

    static GlobalType globalType(BinaryReader in) {
        ValType type = valType(in);
        int offset = in.position();
        int flags = in.u8();
        if (flags > 3) {
            throw in.malformedAt("malformed mutability", offset);
        }
        return new GlobalType(type, (flags & 1) != 0, (flags & 2) != 0);
    }
}
