package dev.arabica.format.validation;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.ImmediateKind;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;
import dev.arabica.format.model.VecType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Operand and result types of the operators whose typing depends only on the opcode: numeric,
 * conversion and vector operators. The numeric instruction set is regular, so the signatures are
 * read off the mnemonics (shape prefix, operator name, source type of conversions) once.
 */
public final class OperatorSignatures {

    private static final Map<Opcode, FuncType> SIGNATURES = new EnumMap<>(Opcode.class);

    private static final List<String> UNARY = List.of("clz", "ctz", "popcnt", "abs", "neg", "ceil", "floor", "trunc",
            "nearest", "sqrt", "extend8_s", "extend16_s", "extend32_s", "not");
    private static final List<String> COMPARE = List.of("eq", "ne", "lt", "lt_s", "lt_u", "gt", "gt_s", "gt_u", "le",
            "le_s", "le_u", "ge", "ge_s", "ge_u");

    static {
        for (Opcode op : Opcode.values()) {
            FuncType signature = derive(op);
            if (signature != null) {
                SIGNATURES.put(op, signature);
            }
        }
    }

    private OperatorSignatures() {
    }

    /** The signature of a plain numeric or vector operator, or null if the opcode is not one. */
    public static FuncType of(Opcode op) {
        return SIGNATURES.get(op);
    }

    private static FuncType derive(Opcode op) {
        if (op.immediate() != ImmediateKind.NONE) {
            return null;
        }
        String mnemonic = op.mnemonic();
        int dot = mnemonic.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String shape = mnemonic.substring(0, dot);
        String name = mnemonic.substring(dot + 1);
        ValType scalar = scalar(shape);
        if (scalar == null) {
            return null;
        }
        if (scalar == VecType.V128 || shape.contains("x")) {
            return vector(shape, name);
        }
        if (op == Opcode.I64_ADD128 || op == Opcode.I64_SUB128) {
            return sig(List.of(NumType.I64, NumType.I64, NumType.I64, NumType.I64), List.of(NumType.I64, NumType.I64));
        }
        if (op == Opcode.I64_MUL_WIDE_S || op == Opcode.I64_MUL_WIDE_U) {
            return sig(List.of(NumType.I64, NumType.I64), List.of(NumType.I64, NumType.I64));
        }
        ValType source = sourceType(name);
        if (source != null) {
            return sig(List.of(source), List.of(scalar));
        }
        if (name.equals("eqz")) {
            return sig(List.of(scalar), List.of(NumType.I32));
        }
        if (COMPARE.contains(name)) {
            return sig(List.of(scalar, scalar), List.of(NumType.I32));
        }
        if (UNARY.contains(name)) {
            return sig(List.of(scalar), List.of(scalar));
        }
        return sig(List.of(scalar, scalar), List.of(scalar));
    }

    /** Vector operators: shifts take an i32 count, tests give an i32, splats take the lane's scalar. */
    private static FuncType vector(String shape, String name) {
        ValType v = VecType.V128;
        ValType lane = laneScalar(shape);
        if (name.equals("splat")) {
            return sig(List.of(lane), List.of(v));
        }
        if (name.equals("shl") || name.startsWith("shr")) {
            return sig(List.of(v, NumType.I32), List.of(v));
        }
        if (name.equals("any_true") || name.equals("all_true") || name.equals("bitmask")) {
            return sig(List.of(v), List.of(NumType.I32));
        }
        if (name.equals("bitselect") || name.startsWith("relaxed_laneselect") || name.startsWith("relaxed_madd")
                || name.startsWith("relaxed_nmadd") || name.equals("relaxed_dot_i8x16_i7x16_add_s")) {
            return sig(List.of(v, v, v), List.of(v));
        }
        if (isUnaryVector(name)) {
            return sig(List.of(v), List.of(v));
        }
        return sig(List.of(v, v), List.of(v));
    }

    private static boolean isUnaryVector(String name) {
        return UNARY.contains(name) || name.startsWith("extend_") || name.startsWith("convert") || name.startsWith("trunc_sat")
                || name.startsWith("demote") || name.startsWith("promote") || name.startsWith("extadd_pairwise")
                || name.startsWith("relaxed_trunc");
    }

    /** The type a conversion reads, named in its mnemonic ({@code i32.wrap_i64} reads i64); null otherwise. */
    private static ValType sourceType(String name) {
        for (String part : name.split("_")) {
            ValType type = switch (part) {
                case "i32" -> NumType.I32;
                case "i64" -> NumType.I64;
                case "f32" -> NumType.F32;
                case "f64" -> NumType.F64;
                default -> null;
            };
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private static ValType scalar(String shape) {
        return switch (shape) {
            case "i32" -> NumType.I32;
            case "i64" -> NumType.I64;
            case "f32" -> NumType.F32;
            case "f64" -> NumType.F64;
            case "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2" -> VecType.V128;
            default -> null;
        };
    }

    /** The scalar type of one lane: i32 for lanes of 32 bits or less. */
    static ValType laneScalar(String shape) {
        return switch (shape) {
            case "i64x2" -> NumType.I64;
            case "f32x4" -> NumType.F32;
            case "f64x2" -> NumType.F64;
            default -> NumType.I32;
        };
    }

    /** The number of lanes of a shape such as {@code i16x8}. */
    static int laneCount(String shape) {
        return Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
    }

    private static FuncType sig(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }
}
