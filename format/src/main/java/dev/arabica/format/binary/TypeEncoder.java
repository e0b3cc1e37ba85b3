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
import dev.arabica.format.model.StructType;
import dev.arabica.format.model.SubType;
import dev.arabica.format.model.TableType;
import dev.arabica.format.model.TypeIndexHeapType;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.util.List;

/** Encodes types; the inverse of {@link TypeDecoder}. */
final class TypeEncoder {

    private TypeEncoder() {
    }

    static void recGroup(BinaryWriter out, RecGroup group) {
        if (group.explicit()) {
            out.u8(TypeDecoder.REC);
            out.u32(group.types().size());
        }
        for (SubType type : group.types()) {
            subType(out, type);
        }
    }

    private static void subType(BinaryWriter out, SubType type) {
        if (!type.isFinal() || !type.supertypes().isEmpty()) {
            out.u8(type.isFinal() ? TypeDecoder.SUB_FINAL : TypeDecoder.SUB);
            out.u32(type.supertypes().size());
            type.supertypes().forEach(out::u32);
        }
        if (type.describes().isPresent()) {
            out.u8(TypeDecoder.DESCRIBES);
            out.u32(type.describes().getAsInt());
        }
        if (type.descriptor().isPresent()) {
            out.u8(TypeDecoder.DESCRIPTOR);
            out.u32(type.descriptor().getAsInt());
        }
        compType(out, type.compType());
    }

    private static void compType(BinaryWriter out, CompType type) {
        if (type instanceof FuncType func) {
            out.u8(TypeDecoder.FUNC);
            valTypes(out, func.params());
            valTypes(out, func.results());
        } else if (type instanceof StructType struct) {
            out.u8(TypeDecoder.STRUCT);
            out.u32(struct.fields().size());
            struct.fields().forEach(field -> fieldType(out, field));
        } else if (type instanceof ArrayType array) {
            out.u8(TypeDecoder.ARRAY);
            fieldType(out, array.element());
        }
    }

    private static void fieldType(BinaryWriter out, FieldType field) {
        if (field.storageType() instanceof PackedType packed) {
            out.u8(packed.code());
        } else {
            valType(out, (ValType) field.storageType());
        }
        out.u8(field.mutable() ? 1 : 0);
    }

    static void valTypes(BinaryWriter out, List<ValType> types) {
        out.u32(types.size());
        types.forEach(type -> valType(out, type));
    }

    static void valType(BinaryWriter out, ValType type) {
        if (type instanceof NumType num) {
            out.u8(num.code());
        } else if (type instanceof VecType vec) {
            out.u8(vec.code());
        } else {
            refType(out, (RefType) type);
        }
    }

    static void refType(BinaryWriter out, RefType type) {
        if (type.nullable() && !type.exact() && type.heapType() instanceof AbsHeapType abs) {
            out.u8(abs.code());
            return;
        }
        out.u8(type.nullable() ? TypeDecoder.REF_NULLABLE : TypeDecoder.REF_NON_NULL);
        if (type.exact()) {
            out.u8(TypeDecoder.REF_EXACT);
        }
        heapType(out, type.heapType());
    }

    static void heapType(BinaryWriter out, HeapType type) {
        if (type instanceof AbsHeapType abs) {
            out.u8(abs.code());
        } else {
            out.s64(((TypeIndexHeapType) type).index());
        }
    }

    static void tableType(BinaryWriter out, TableType type) {
        refType(out, type.elementType());
        limits(out, type.limits(), 0);
    }

    static void memoryType(BinaryWriter out, MemoryType type) {
        boolean customPage = type.pageSizeLog2() != MemoryType.DEFAULT_PAGE_SIZE_LOG2;
        limits(out, type.limits(), (type.shared() ? 0x02 : 0) | (customPage ? 0x08 : 0));
        if (customPage) {
            out.u32(type.pageSizeLog2());
        }
    }

    private static void limits(BinaryWriter out, Limits limits, int extraFlags) {
        boolean is64 = limits.addressType() == AddressType.I64;
        out.u8((limits.max().isPresent() ? 0x01 : 0) | (is64 ? 0x04 : 0) | extraFlags);
        out.u64(limits.min());
        if (limits.max().isPresent()) {
            out.u64(limits.max().getAsLong());
        }
    }

    static void globalType(BinaryWriter out, GlobalType type) {
        valType(out, type.valType());
        out.u8((type.mutable() ? 1 : 0) | (type.shared() ? 2 : 0));
    }
}
