package dev.arabica.fuzz.generate;

import dev.arabica.format.model.Instruction;
import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.V128;
import dev.arabica.format.model.ValType;
import java.util.List;
import java.util.Set;

/**
 * The specification lets a float operator that produces a NaN choose its payload (and, with a
 * non-canonical NaN operand, even among several): engines may differ, and the same engine may
 * differ from run to run, since the JIT may swap the operands of a commutative multiply. Stored
 * to memory or reinterpreted as an integer, such a payload spreads. In modules that canonicalize,
 * every result of such an operator passes through {@code x == x ? x : canonical NaN} (lane-wise
 * for vectors), so that everything the engines compute must agree bit for bit. Canonicalization
 * draws nothing from the seed's random stream: a seed generates the same module with or without
 * it, apart from the inserted code (the module's "twin", which the harness uses to tell a NaN
 * payload's effects from a bug).
 */
final class NanCanonicalization {

    private static final Set<String> PAYLOAD_CHOOSING = Set.of("add", "sub", "mul", "div", "sqrt", "min", "max",
            "ceil", "floor", "trunc", "nearest", "demote_f64", "promote_f32", "demote_f64x2_zero", "promote_low_f32x4");

    private static final int F32_CANONICAL_NAN = 0x7FC0_0000;
    private static final long F64_CANONICAL_NAN = 0x7FF8_0000_0000_0000L;

    private NanCanonicalization() {
    }

    /** Emits the canonicalization of {@code op}'s result, which is on top of the stack, if it may be a NaN of unspecified payload. */
    static void after(FunctionContext f, Opcode op) {
        String mnemonic = op.mnemonic();
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        if (!PAYLOAD_CHOOSING.contains(mnemonic.substring(mnemonic.indexOf('.') + 1))) {
            return;
        }
        switch (shape) {
            case "f32" -> scalar(f, ValType.F32, new Instruction.F32Const(F32_CANONICAL_NAN), Opcode.F32_EQ);
            case "f64" -> scalar(f, ValType.F64, new Instruction.F64Const(F64_CANONICAL_NAN), Opcode.F64_EQ);
            case "f32x4" -> vector(f, new V128(pair(F32_CANONICAL_NAN), pair(F32_CANONICAL_NAN)), Opcode.F32X4_EQ);
            case "f64x2" -> vector(f, new V128(F64_CANONICAL_NAN, F64_CANONICAL_NAN), Opcode.F64X2_EQ);
            default -> {
            }
        }
    }

    private static long pair(int bits) {
        return (bits & 0xFFFF_FFFFL) | ((long) bits << 32);
    }

    /** {@code x; local.tee t; NaN; local.get t; local.get t; eq; select}: x where x == x, the canonical NaN elsewhere. */
    private static void scalar(FunctionContext f, ValType type, Instruction canonical, Opcode eq) {
        int scratch = f.scratch(type);
        CodeWriter code = f.code;
        code.emit(new Instruction.Indexed(Opcode.LOCAL_TEE, scratch), List.of(type), List.of(type));
        code.emit(canonical, List.of(), List.of(type));
        code.emit(new Instruction.Indexed(Opcode.LOCAL_GET, scratch), List.of(), List.of(type));
        code.emit(new Instruction.Indexed(Opcode.LOCAL_GET, scratch), List.of(), List.of(type));
        code.emit(eq, List.of(type, type), List.of(ValType.I32));
        code.emit(Opcode.SELECT, List.of(type, type, ValType.I32), List.of(type));
    }

    /** The same with a lane mask: {@code v128.bitselect(x, NaNs, eq(x, x))}. */
    private static void vector(FunctionContext f, V128 canonical, Opcode eq) {
        int scratch = f.scratch(ValType.V128);
        CodeWriter code = f.code;
        List<ValType> v = List.of(ValType.V128);
        code.emit(new Instruction.Indexed(Opcode.LOCAL_TEE, scratch), v, v);
        code.emit(new Instruction.V128Const(canonical), List.of(), v);
        code.emit(new Instruction.Indexed(Opcode.LOCAL_GET, scratch), List.of(), v);
        code.emit(new Instruction.Indexed(Opcode.LOCAL_GET, scratch), List.of(), v);
        code.emit(eq, List.of(ValType.V128, ValType.V128), v);
        code.emit(Opcode.V128_BITSELECT, List.of(ValType.V128, ValType.V128, ValType.V128), v);
    }
}
