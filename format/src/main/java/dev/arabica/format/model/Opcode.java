package dev.arabica.format.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Every instruction of WebAssembly 3.0 and of the proposals Arabica reads: binary prefix and code,
 * text mnemonic, the shape of the immediates, and the feature that introduced it.
 *
 * <p>Where one mnemonic has two binary encodings ({@code select} with and without types,
 * {@code ref.test}/{@code ref.cast} with and without {@code null}), there are two constants.
 */
public enum Opcode {
    UNREACHABLE(0x00, 0x00, "unreachable", ImmediateKind.NONE, Feature.MVP),
    NOP(0x00, 0x01, "nop", ImmediateKind.NONE, Feature.MVP),
    BLOCK(0x00, 0x02, "block", ImmediateKind.BLOCK_TYPE, Feature.MVP),
    LOOP(0x00, 0x03, "loop", ImmediateKind.BLOCK_TYPE, Feature.MVP),
    IF(0x00, 0x04, "if", ImmediateKind.BLOCK_TYPE, Feature.MVP),
    ELSE(0x00, 0x05, "else", ImmediateKind.NONE, Feature.MVP),
    TRY(0x00, 0x06, "try", ImmediateKind.BLOCK_TYPE, Feature.LEGACY_EXCEPTIONS),
    CATCH(0x00, 0x07, "catch", ImmediateKind.TAG, Feature.LEGACY_EXCEPTIONS),
    THROW(0x00, 0x08, "throw", ImmediateKind.TAG, Feature.EXCEPTIONS),
    RETHROW(0x00, 0x09, "rethrow", ImmediateKind.LABEL, Feature.LEGACY_EXCEPTIONS),
    THROW_REF(0x00, 0x0A, "throw_ref", ImmediateKind.NONE, Feature.EXCEPTIONS),
    END(0x00, 0x0B, "end", ImmediateKind.NONE, Feature.MVP),
    BR(0x00, 0x0C, "br", ImmediateKind.LABEL, Feature.MVP),
    BR_IF(0x00, 0x0D, "br_if", ImmediateKind.LABEL, Feature.MVP),
    BR_TABLE(0x00, 0x0E, "br_table", ImmediateKind.BR_TABLE, Feature.MVP),
    RETURN(0x00, 0x0F, "return", ImmediateKind.NONE, Feature.MVP),
    CALL(0x00, 0x10, "call", ImmediateKind.FUNC, Feature.MVP),
    CALL_INDIRECT(0x00, 0x11, "call_indirect", ImmediateKind.TYPE_TABLE, Feature.MVP),
    RETURN_CALL(0x00, 0x12, "return_call", ImmediateKind.FUNC, Feature.TAIL_CALL),
    RETURN_CALL_INDIRECT(0x00, 0x13, "return_call_indirect", ImmediateKind.TYPE_TABLE, Feature.TAIL_CALL),
    CALL_REF(0x00, 0x14, "call_ref", ImmediateKind.TYPE, Feature.FUNCTION_REFERENCES),
    RETURN_CALL_REF(0x00, 0x15, "return_call_ref", ImmediateKind.TYPE, Feature.TAIL_CALL),
    DELEGATE(0x00, 0x18, "delegate", ImmediateKind.LABEL, Feature.LEGACY_EXCEPTIONS),
    CATCH_ALL(0x00, 0x19, "catch_all", ImmediateKind.NONE, Feature.LEGACY_EXCEPTIONS),
    DROP(0x00, 0x1A, "drop", ImmediateKind.NONE, Feature.MVP),
    SELECT(0x00, 0x1B, "select", ImmediateKind.NONE, Feature.MVP),
    TRY_TABLE(0x00, 0x1F, "try_table", ImmediateKind.TRY_TABLE, Feature.EXCEPTIONS),
    LOCAL_GET(0x00, 0x20, "local.get", ImmediateKind.LOCAL, Feature.MVP),
    LOCAL_SET(0x00, 0x21, "local.set", ImmediateKind.LOCAL, Feature.MVP),
    LOCAL_TEE(0x00, 0x22, "local.tee", ImmediateKind.LOCAL, Feature.MVP),
    GLOBAL_GET(0x00, 0x23, "global.get", ImmediateKind.GLOBAL, Feature.MVP),
    GLOBAL_SET(0x00, 0x24, "global.set", ImmediateKind.GLOBAL, Feature.MVP),
    TABLE_GET(0x00, 0x25, "table.get", ImmediateKind.TABLE, Feature.REFERENCE_TYPES),
    TABLE_SET(0x00, 0x26, "table.set", ImmediateKind.TABLE, Feature.REFERENCE_TYPES),
    SELECT_TYPED(0x00, 0x1C, "select", ImmediateKind.SELECT_TYPES, Feature.REFERENCE_TYPES),
    I32_LOAD(0x00, 0x28, "i32.load", ImmediateKind.MEMARG, Feature.MVP),
    I64_LOAD(0x00, 0x29, "i64.load", ImmediateKind.MEMARG, Feature.MVP),
    F32_LOAD(0x00, 0x2A, "f32.load", ImmediateKind.MEMARG, Feature.MVP),
    F64_LOAD(0x00, 0x2B, "f64.load", ImmediateKind.MEMARG, Feature.MVP),
    I32_LOAD8_S(0x00, 0x2C, "i32.load8_s", ImmediateKind.MEMARG, Feature.MVP),
    I32_LOAD8_U(0x00, 0x2D, "i32.load8_u", ImmediateKind.MEMARG, Feature.MVP),
    I32_LOAD16_S(0x00, 0x2E, "i32.load16_s", ImmediateKind.MEMARG, Feature.MVP),
    I32_LOAD16_U(0x00, 0x2F, "i32.load16_u", ImmediateKind.MEMARG, Feature.MVP),
    I64_LOAD8_S(0x00, 0x30, "i64.load8_s", ImmediateKind.MEMARG, Feature.MVP),
    I64_LOAD8_U(0x00, 0x31, "i64.load8_u", ImmediateKind.MEMARG, Feature.MVP),
    I64_LOAD16_S(0x00, 0x32, "i64.load16_s", ImmediateKind.MEMARG, Feature.MVP),
    I64_LOAD16_U(0x00, 0x33, "i64.load16_u", ImmediateKind.MEMARG, Feature.MVP),
    I64_LOAD32_S(0x00, 0x34, "i64.load32_s", ImmediateKind.MEMARG, Feature.MVP),
    I64_LOAD32_U(0x00, 0x35, "i64.load32_u", ImmediateKind.MEMARG, Feature.MVP),
    I32_STORE(0x00, 0x36, "i32.store", ImmediateKind.MEMARG, Feature.MVP),
    I64_STORE(0x00, 0x37, "i64.store", ImmediateKind.MEMARG, Feature.MVP),
    F32_STORE(0x00, 0x38, "f32.store", ImmediateKind.MEMARG, Feature.MVP),
    F64_STORE(0x00, 0x39, "f64.store", ImmediateKind.MEMARG, Feature.MVP),
    I32_STORE8(0x00, 0x3A, "i32.store8", ImmediateKind.MEMARG, Feature.MVP),
    I32_STORE16(0x00, 0x3B, "i32.store16", ImmediateKind.MEMARG, Feature.MVP),
    I64_STORE8(0x00, 0x3C, "i64.store8", ImmediateKind.MEMARG, Feature.MVP),
    I64_STORE16(0x00, 0x3D, "i64.store16", ImmediateKind.MEMARG, Feature.MVP),
    I64_STORE32(0x00, 0x3E, "i64.store32", ImmediateKind.MEMARG, Feature.MVP),
    MEMORY_SIZE(0x00, 0x3F, "memory.size", ImmediateKind.MEMORY, Feature.MVP),
    MEMORY_GROW(0x00, 0x40, "memory.grow", ImmediateKind.MEMORY, Feature.MVP),
    I32_CONST(0x00, 0x41, "i32.const", ImmediateKind.I32, Feature.MVP),
    I64_CONST(0x00, 0x42, "i64.const", ImmediateKind.I64, Feature.MVP),
    F32_CONST(0x00, 0x43, "f32.const", ImmediateKind.F32, Feature.MVP),
    F64_CONST(0x00, 0x44, "f64.const", ImmediateKind.F64, Feature.MVP),
    I32_EQZ(0x00, 0x45, "i32.eqz", ImmediateKind.NONE, Feature.MVP),
    I32_EQ(0x00, 0x46, "i32.eq", ImmediateKind.NONE, Feature.MVP),
    I32_NE(0x00, 0x47, "i32.ne", ImmediateKind.NONE, Feature.MVP),
    I32_LT_S(0x00, 0x48, "i32.lt_s", ImmediateKind.NONE, Feature.MVP),
    I32_LT_U(0x00, 0x49, "i32.lt_u", ImmediateKind.NONE, Feature.MVP),
    I32_GT_S(0x00, 0x4A, "i32.gt_s", ImmediateKind.NONE, Feature.MVP),
    I32_GT_U(0x00, 0x4B, "i32.gt_u", ImmediateKind.NONE, Feature.MVP),
    I32_LE_S(0x00, 0x4C, "i32.le_s", ImmediateKind.NONE, Feature.MVP),
    I32_LE_U(0x00, 0x4D, "i32.le_u", ImmediateKind.NONE, Feature.MVP),
    I32_GE_S(0x00, 0x4E, "i32.ge_s", ImmediateKind.NONE, Feature.MVP),
    I32_GE_U(0x00, 0x4F, "i32.ge_u", ImmediateKind.NONE, Feature.MVP),
    I64_EQZ(0x00, 0x50, "i64.eqz", ImmediateKind.NONE, Feature.MVP),
    I64_EQ(0x00, 0x51, "i64.eq", ImmediateKind.NONE, Feature.MVP),
    I64_NE(0x00, 0x52, "i64.ne", ImmediateKind.NONE, Feature.MVP),
    I64_LT_S(0x00, 0x53, "i64.lt_s", ImmediateKind.NONE, Feature.MVP),
    I64_LT_U(0x00, 0x54, "i64.lt_u", ImmediateKind.NONE, Feature.MVP),
    I64_GT_S(0x00, 0x55, "i64.gt_s", ImmediateKind.NONE, Feature.MVP),
    I64_GT_U(0x00, 0x56, "i64.gt_u", ImmediateKind.NONE, Feature.MVP),
    I64_LE_S(0x00, 0x57, "i64.le_s", ImmediateKind.NONE, Feature.MVP),
    I64_LE_U(0x00, 0x58, "i64.le_u", ImmediateKind.NONE, Feature.MVP),
    I64_GE_S(0x00, 0x59, "i64.ge_s", ImmediateKind.NONE, Feature.MVP),
    I64_GE_U(0x00, 0x5A, "i64.ge_u", ImmediateKind.NONE, Feature.MVP),
    F32_EQ(0x00, 0x5B, "f32.eq", ImmediateKind.NONE, Feature.MVP),
    F32_NE(0x00, 0x5C, "f32.ne", ImmediateKind.NONE, Feature.MVP),
    F32_LT(0x00, 0x5D, "f32.lt", ImmediateKind.NONE, Feature.MVP),
    F32_GT(0x00, 0x5E, "f32.gt", ImmediateKind.NONE, Feature.MVP),
    F32_LE(0x00, 0x5F, "f32.le", ImmediateKind.NONE, Feature.MVP),
    F32_GE(0x00, 0x60, "f32.ge", ImmediateKind.NONE, Feature.MVP),
    F64_EQ(0x00, 0x61, "f64.eq", ImmediateKind.NONE, Feature.MVP),
    F64_NE(0x00, 0x62, "f64.ne", ImmediateKind.NONE, Feature.MVP),
    F64_LT(0x00, 0x63, "f64.lt", ImmediateKind.NONE, Feature.MVP),
    F64_GT(0x00, 0x64, "f64.gt", ImmediateKind.NONE, Feature.MVP),
    F64_LE(0x00, 0x65, "f64.le", ImmediateKind.NONE, Feature.MVP),
    F64_GE(0x00, 0x66, "f64.ge", ImmediateKind.NONE, Feature.MVP),
    I32_CLZ(0x00, 0x67, "i32.clz", ImmediateKind.NONE, Feature.MVP),
    I32_CTZ(0x00, 0x68, "i32.ctz", ImmediateKind.NONE, Feature.MVP),
    I32_POPCNT(0x00, 0x69, "i32.popcnt", ImmediateKind.NONE, Feature.MVP),
    I32_ADD(0x00, 0x6A, "i32.add", ImmediateKind.NONE, Feature.MVP),
    I32_SUB(0x00, 0x6B, "i32.sub", ImmediateKind.NONE, Feature.MVP),
    I32_MUL(0x00, 0x6C, "i32.mul", ImmediateKind.NONE, Feature.MVP),
    I32_DIV_S(0x00, 0x6D, "i32.div_s", ImmediateKind.NONE, Feature.MVP),
    I32_DIV_U(0x00, 0x6E, "i32.div_u", ImmediateKind.NONE, Feature.MVP),
    I32_REM_S(0x00, 0x6F, "i32.rem_s", ImmediateKind.NONE, Feature.MVP),
    I32_REM_U(0x00, 0x70, "i32.rem_u", ImmediateKind.NONE, Feature.MVP),
    I32_AND(0x00, 0x71, "i32.and", ImmediateKind.NONE, Feature.MVP),
    I32_OR(0x00, 0x72, "i32.or", ImmediateKind.NONE, Feature.MVP),
    I32_XOR(0x00, 0x73, "i32.xor", ImmediateKind.NONE, Feature.MVP),
    I32_SHL(0x00, 0x74, "i32.shl", ImmediateKind.NONE, Feature.MVP),
    I32_SHR_S(0x00, 0x75, "i32.shr_s", ImmediateKind.NONE, Feature.MVP),
    I32_SHR_U(0x00, 0x76, "i32.shr_u", ImmediateKind.NONE, Feature.MVP),
    I32_ROTL(0x00, 0x77, "i32.rotl", ImmediateKind.NONE, Feature.MVP),
    I32_ROTR(0x00, 0x78, "i32.rotr", ImmediateKind.NONE, Feature.MVP),
    I64_CLZ(0x00, 0x79, "i64.clz", ImmediateKind.NONE, Feature.MVP),
    I64_CTZ(0x00, 0x7A, "i64.ctz", ImmediateKind.NONE, Feature.MVP),
    I64_POPCNT(0x00, 0x7B, "i64.popcnt", ImmediateKind.NONE, Feature.MVP),
    I64_ADD(0x00, 0x7C, "i64.add", ImmediateKind.NONE, Feature.MVP),
    I64_SUB(0x00, 0x7D, "i64.sub", ImmediateKind.NONE, Feature.MVP),
    I64_MUL(0x00, 0x7E, "i64.mul", ImmediateKind.NONE, Feature.MVP),
    I64_DIV_S(0x00, 0x7F, "i64.div_s", ImmediateKind.NONE, Feature.MVP),
    I64_DIV_U(0x00, 0x80, "i64.div_u", ImmediateKind.NONE, Feature.MVP),
    I64_REM_S(0x00, 0x81, "i64.rem_s", ImmediateKind.NONE, Feature.MVP),
    I64_REM_U(0x00, 0x82, "i64.rem_u", ImmediateKind.NONE, Feature.MVP),
    I64_AND(0x00, 0x83, "i64.and", ImmediateKind.NONE, Feature.MVP),
    I64_OR(0x00, 0x84, "i64.or", ImmediateKind.NONE, Feature.MVP),
    I64_XOR(0x00, 0x85, "i64.xor", ImmediateKind.NONE, Feature.MVP),
    I64_SHL(0x00, 0x86, "i64.shl", ImmediateKind.NONE, Feature.MVP),
    I64_SHR_S(0x00, 0x87, "i64.shr_s", ImmediateKind.NONE, Feature.MVP),
    I64_SHR_U(0x00, 0x88, "i64.shr_u", ImmediateKind.NONE, Feature.MVP),
    I64_ROTL(0x00, 0x89, "i64.rotl", ImmediateKind.NONE, Feature.MVP),
    I64_ROTR(0x00, 0x8A, "i64.rotr", ImmediateKind.NONE, Feature.MVP),
    F32_ABS(0x00, 0x8B, "f32.abs", ImmediateKind.NONE, Feature.MVP),
    F32_NEG(0x00, 0x8C, "f32.neg", ImmediateKind.NONE, Feature.MVP),
    F32_CEIL(0x00, 0x8D, "f32.ceil", ImmediateKind.NONE, Feature.MVP),
    F32_FLOOR(0x00, 0x8E, "f32.floor", ImmediateKind.NONE, Feature.MVP),
    F32_TRUNC(0x00, 0x8F, "f32.trunc", ImmediateKind.NONE, Feature.MVP),
    F32_NEAREST(0x00, 0x90, "f32.nearest", ImmediateKind.NONE, Feature.MVP),
    F32_SQRT(0x00, 0x91, "f32.sqrt", ImmediateKind.NONE, Feature.MVP),
    F32_ADD(0x00, 0x92, "f32.add", ImmediateKind.NONE, Feature.MVP),
    F32_SUB(0x00, 0x93, "f32.sub", ImmediateKind.NONE, Feature.MVP),
    F32_MUL(0x00, 0x94, "f32.mul", ImmediateKind.NONE, Feature.MVP),
    F32_DIV(0x00, 0x95, "f32.div", ImmediateKind.NONE, Feature.MVP),
    F32_MIN(0x00, 0x96, "f32.min", ImmediateKind.NONE, Feature.MVP),
    F32_MAX(0x00, 0x97, "f32.max", ImmediateKind.NONE, Feature.MVP),
    F32_COPYSIGN(0x00, 0x98, "f32.copysign", ImmediateKind.NONE, Feature.MVP),
    F64_ABS(0x00, 0x99, "f64.abs", ImmediateKind.NONE, Feature.MVP),
    F64_NEG(0x00, 0x9A, "f64.neg", ImmediateKind.NONE, Feature.MVP),
    F64_CEIL(0x00, 0x9B, "f64.ceil", ImmediateKind.NONE, Feature.MVP),
    F64_FLOOR(0x00, 0x9C, "f64.floor", ImmediateKind.NONE, Feature.MVP),
    F64_TRUNC(0x00, 0x9D, "f64.trunc", ImmediateKind.NONE, Feature.MVP),
    F64_NEAREST(0x00, 0x9E, "f64.nearest", ImmediateKind.NONE, Feature.MVP),
    F64_SQRT(0x00, 0x9F, "f64.sqrt", ImmediateKind.NONE, Feature.MVP),
    F64_ADD(0x00, 0xA0, "f64.add", ImmediateKind.NONE, Feature.MVP),
    F64_SUB(0x00, 0xA1, "f64.sub", ImmediateKind.NONE, Feature.MVP),
    F64_MUL(0x00, 0xA2, "f64.mul", ImmediateKind.NONE, Feature.MVP),
    F64_DIV(0x00, 0xA3, "f64.div", ImmediateKind.NONE, Feature.MVP),
    F64_MIN(0x00, 0xA4, "f64.min", ImmediateKind.NONE, Feature.MVP),
    F64_MAX(0x00, 0xA5, "f64.max", ImmediateKind.NONE, Feature.MVP),
    F64_COPYSIGN(0x00, 0xA6, "f64.copysign", ImmediateKind.NONE, Feature.MVP),
    I32_WRAP_I64(0x00, 0xA7, "i32.wrap_i64", ImmediateKind.NONE, Feature.MVP),
    I32_TRUNC_F32_S(0x00, 0xA8, "i32.trunc_f32_s", ImmediateKind.NONE, Feature.MVP),
    I32_TRUNC_F32_U(0x00, 0xA9, "i32.trunc_f32_u", ImmediateKind.NONE, Feature.MVP),
    I32_TRUNC_F64_S(0x00, 0xAA, "i32.trunc_f64_s", ImmediateKind.NONE, Feature.MVP),
    I32_TRUNC_F64_U(0x00, 0xAB, "i32.trunc_f64_u", ImmediateKind.NONE, Feature.MVP),
    I64_EXTEND_I32_S(0x00, 0xAC, "i64.extend_i32_s", ImmediateKind.NONE, Feature.MVP),
    I64_EXTEND_I32_U(0x00, 0xAD, "i64.extend_i32_u", ImmediateKind.NONE, Feature.MVP),
    I64_TRUNC_F32_S(0x00, 0xAE, "i64.trunc_f32_s", ImmediateKind.NONE, Feature.MVP),
    I64_TRUNC_F32_U(0x00, 0xAF, "i64.trunc_f32_u", ImmediateKind.NONE, Feature.MVP),
    I64_TRUNC_F64_S(0x00, 0xB0, "i64.trunc_f64_s", ImmediateKind.NONE, Feature.MVP),
    I64_TRUNC_F64_U(0x00, 0xB1, "i64.trunc_f64_u", ImmediateKind.NONE, Feature.MVP),
    F32_CONVERT_I32_S(0x00, 0xB2, "f32.convert_i32_s", ImmediateKind.NONE, Feature.MVP),
    F32_CONVERT_I32_U(0x00, 0xB3, "f32.convert_i32_u", ImmediateKind.NONE, Feature.MVP),
    F32_CONVERT_I64_S(0x00, 0xB4, "f32.convert_i64_s", ImmediateKind.NONE, Feature.MVP),
    F32_CONVERT_I64_U(0x00, 0xB5, "f32.convert_i64_u", ImmediateKind.NONE, Feature.MVP),
    F32_DEMOTE_F64(0x00, 0xB6, "f32.demote_f64", ImmediateKind.NONE, Feature.MVP),
    F64_CONVERT_I32_S(0x00, 0xB7, "f64.convert_i32_s", ImmediateKind.NONE, Feature.MVP),
    F64_CONVERT_I32_U(0x00, 0xB8, "f64.convert_i32_u", ImmediateKind.NONE, Feature.MVP),
    F64_CONVERT_I64_S(0x00, 0xB9, "f64.convert_i64_s", ImmediateKind.NONE, Feature.MVP),
    F64_CONVERT_I64_U(0x00, 0xBA, "f64.convert_i64_u", ImmediateKind.NONE, Feature.MVP),
    F64_PROMOTE_F32(0x00, 0xBB, "f64.promote_f32", ImmediateKind.NONE, Feature.MVP),
    I32_REINTERPRET_F32(0x00, 0xBC, "i32.reinterpret_f32", ImmediateKind.NONE, Feature.MVP),
    I64_REINTERPRET_F64(0x00, 0xBD, "i64.reinterpret_f64", ImmediateKind.NONE, Feature.MVP),
    F32_REINTERPRET_I32(0x00, 0xBE, "f32.reinterpret_i32", ImmediateKind.NONE, Feature.MVP),
    F64_REINTERPRET_I64(0x00, 0xBF, "f64.reinterpret_i64", ImmediateKind.NONE, Feature.MVP),
    I32_EXTEND8_S(0x00, 0xC0, "i32.extend8_s", ImmediateKind.NONE, Feature.SIGN_EXTENSION),
    I32_EXTEND16_S(0x00, 0xC1, "i32.extend16_s", ImmediateKind.NONE, Feature.SIGN_EXTENSION),
    I64_EXTEND8_S(0x00, 0xC2, "i64.extend8_s", ImmediateKind.NONE, Feature.SIGN_EXTENSION),
    I64_EXTEND16_S(0x00, 0xC3, "i64.extend16_s", ImmediateKind.NONE, Feature.SIGN_EXTENSION),
    I64_EXTEND32_S(0x00, 0xC4, "i64.extend32_s", ImmediateKind.NONE, Feature.SIGN_EXTENSION),
    REF_NULL(0x00, 0xD0, "ref.null", ImmediateKind.HEAP_TYPE, Feature.REFERENCE_TYPES),
    REF_IS_NULL(0x00, 0xD1, "ref.is_null", ImmediateKind.NONE, Feature.REFERENCE_TYPES),
    REF_FUNC(0x00, 0xD2, "ref.func", ImmediateKind.FUNC, Feature.REFERENCE_TYPES),
    REF_EQ(0x00, 0xD3, "ref.eq", ImmediateKind.NONE, Feature.GC),
    REF_AS_NON_NULL(0x00, 0xD4, "ref.as_non_null", ImmediateKind.NONE, Feature.FUNCTION_REFERENCES),
    BR_ON_NULL(0x00, 0xD5, "br_on_null", ImmediateKind.LABEL, Feature.FUNCTION_REFERENCES),
    BR_ON_NON_NULL(0x00, 0xD6, "br_on_non_null", ImmediateKind.LABEL, Feature.FUNCTION_REFERENCES),
    STRUCT_NEW(0xFB, 0x00, "struct.new", ImmediateKind.TYPE, Feature.GC),
    STRUCT_NEW_DEFAULT(0xFB, 0x01, "struct.new_default", ImmediateKind.TYPE, Feature.GC),
    STRUCT_GET(0xFB, 0x02, "struct.get", ImmediateKind.TYPE_FIELD, Feature.GC),
    STRUCT_GET_S(0xFB, 0x03, "struct.get_s", ImmediateKind.TYPE_FIELD, Feature.GC),
    STRUCT_GET_U(0xFB, 0x04, "struct.get_u", ImmediateKind.TYPE_FIELD, Feature.GC),
    STRUCT_SET(0xFB, 0x05, "struct.set", ImmediateKind.TYPE_FIELD, Feature.GC),
    ARRAY_NEW(0xFB, 0x06, "array.new", ImmediateKind.TYPE, Feature.GC),
    ARRAY_NEW_DEFAULT(0xFB, 0x07, "array.new_default", ImmediateKind.TYPE, Feature.GC),
    ARRAY_NEW_FIXED(0xFB, 0x08, "array.new_fixed", ImmediateKind.TYPE_COUNT, Feature.GC),
    ARRAY_NEW_DATA(0xFB, 0x09, "array.new_data", ImmediateKind.TYPE_DATA, Feature.GC),
    ARRAY_NEW_ELEM(0xFB, 0x0A, "array.new_elem", ImmediateKind.TYPE_ELEM, Feature.GC),
    ARRAY_GET(0xFB, 0x0B, "array.get", ImmediateKind.TYPE, Feature.GC),
    ARRAY_GET_S(0xFB, 0x0C, "array.get_s", ImmediateKind.TYPE, Feature.GC),
    ARRAY_GET_U(0xFB, 0x0D, "array.get_u", ImmediateKind.TYPE, Feature.GC),
    ARRAY_SET(0xFB, 0x0E, "array.set", ImmediateKind.TYPE, Feature.GC),
    ARRAY_LEN(0xFB, 0x0F, "array.len", ImmediateKind.NONE, Feature.GC),
    ARRAY_FILL(0xFB, 0x10, "array.fill", ImmediateKind.TYPE, Feature.GC),
    ARRAY_COPY(0xFB, 0x11, "array.copy", ImmediateKind.TYPE_TYPE, Feature.GC),
    ARRAY_INIT_DATA(0xFB, 0x12, "array.init_data", ImmediateKind.TYPE_DATA, Feature.GC),
    ARRAY_INIT_ELEM(0xFB, 0x13, "array.init_elem", ImmediateKind.TYPE_ELEM, Feature.GC),
    REF_TEST(0xFB, 0x14, "ref.test", ImmediateKind.HEAP_TYPE, Feature.GC),
    REF_TEST_NULL(0xFB, 0x15, "ref.test", ImmediateKind.HEAP_TYPE, Feature.GC),
    REF_CAST(0xFB, 0x16, "ref.cast", ImmediateKind.HEAP_TYPE, Feature.GC),
    REF_CAST_NULL(0xFB, 0x17, "ref.cast", ImmediateKind.HEAP_TYPE, Feature.GC),
    BR_ON_CAST(0xFB, 0x18, "br_on_cast", ImmediateKind.BR_ON_CAST, Feature.GC),
    BR_ON_CAST_FAIL(0xFB, 0x19, "br_on_cast_fail", ImmediateKind.BR_ON_CAST, Feature.GC),
    ANY_CONVERT_EXTERN(0xFB, 0x1A, "any.convert_extern", ImmediateKind.NONE, Feature.GC),
    EXTERN_CONVERT_ANY(0xFB, 0x1B, "extern.convert_any", ImmediateKind.NONE, Feature.GC),
    REF_I31(0xFB, 0x1C, "ref.i31", ImmediateKind.NONE, Feature.GC),
    I31_GET_S(0xFB, 0x1D, "i31.get_s", ImmediateKind.NONE, Feature.GC),
    I31_GET_U(0xFB, 0x1E, "i31.get_u", ImmediateKind.NONE, Feature.GC),
    REF_TEST_EXACT(0xFB, 0x20, "ref.test", ImmediateKind.REF_TYPE, Feature.CUSTOM_DESCRIPTORS),
    REF_CAST_EXACT(0xFB, 0x21, "ref.cast", ImmediateKind.REF_TYPE, Feature.CUSTOM_DESCRIPTORS),
    REF_GET_DESC(0xFB, 0x22, "ref.get_desc", ImmediateKind.TYPE, Feature.CUSTOM_DESCRIPTORS),
    REF_CAST_DESC_EQ(0xFB, 0x23, "ref.cast_desc_eq", ImmediateKind.REF_TYPE, Feature.CUSTOM_DESCRIPTORS),
    BR_ON_CAST_DESC_EQ(0xFB, 0x24, "br_on_cast_desc_eq", ImmediateKind.BR_ON_CAST, Feature.CUSTOM_DESCRIPTORS),
    BR_ON_CAST_DESC_EQ_FAIL(0xFB, 0x25, "br_on_cast_desc_eq_fail", ImmediateKind.BR_ON_CAST, Feature.CUSTOM_DESCRIPTORS),
    STRUCT_NEW_DESC(0xFB, 0x26, "struct.new_desc", ImmediateKind.TYPE, Feature.CUSTOM_DESCRIPTORS),
    STRUCT_NEW_DEFAULT_DESC(0xFB, 0x27, "struct.new_default_desc", ImmediateKind.TYPE, Feature.CUSTOM_DESCRIPTORS),
    I32_TRUNC_SAT_F32_S(0xFC, 0x00, "i32.trunc_sat_f32_s", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    I32_TRUNC_SAT_F32_U(0xFC, 0x01, "i32.trunc_sat_f32_u", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    I32_TRUNC_SAT_F64_S(0xFC, 0x02, "i32.trunc_sat_f64_s", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    I32_TRUNC_SAT_F64_U(0xFC, 0x03, "i32.trunc_sat_f64_u", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    I64_TRUNC_SAT_F32_S(0xFC, 0x04, "i64.trunc_sat_f32_s", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    I64_TRUNC_SAT_F32_U(0xFC, 0x05, "i64.trunc_sat_f32_u", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    I64_TRUNC_SAT_F64_S(0xFC, 0x06, "i64.trunc_sat_f64_s", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    I64_TRUNC_SAT_F64_U(0xFC, 0x07, "i64.trunc_sat_f64_u", ImmediateKind.NONE, Feature.NONTRAPPING_FLOAT_TO_INT),
    MEMORY_INIT(0xFC, 0x08, "memory.init", ImmediateKind.DATA_MEMORY, Feature.BULK_MEMORY),
    DATA_DROP(0xFC, 0x09, "data.drop", ImmediateKind.DATA, Feature.BULK_MEMORY),
    MEMORY_COPY(0xFC, 0x0A, "memory.copy", ImmediateKind.MEMORY_MEMORY, Feature.BULK_MEMORY),
    MEMORY_FILL(0xFC, 0x0B, "memory.fill", ImmediateKind.MEMORY, Feature.BULK_MEMORY),
    TABLE_INIT(0xFC, 0x0C, "table.init", ImmediateKind.ELEM_TABLE, Feature.BULK_MEMORY),
    ELEM_DROP(0xFC, 0x0D, "elem.drop", ImmediateKind.ELEM, Feature.BULK_MEMORY),
    TABLE_COPY(0xFC, 0x0E, "table.copy", ImmediateKind.TABLE_TABLE, Feature.BULK_MEMORY),
    TABLE_GROW(0xFC, 0x0F, "table.grow", ImmediateKind.TABLE, Feature.REFERENCE_TYPES),
    TABLE_SIZE(0xFC, 0x10, "table.size", ImmediateKind.TABLE, Feature.REFERENCE_TYPES),
    TABLE_FILL(0xFC, 0x11, "table.fill", ImmediateKind.TABLE, Feature.REFERENCE_TYPES),
    I64_ADD128(0xFC, 0x13, "i64.add128", ImmediateKind.NONE, Feature.WIDE_ARITHMETIC),
    I64_SUB128(0xFC, 0x14, "i64.sub128", ImmediateKind.NONE, Feature.WIDE_ARITHMETIC),
    I64_MUL_WIDE_S(0xFC, 0x15, "i64.mul_wide_s", ImmediateKind.NONE, Feature.WIDE_ARITHMETIC),
    I64_MUL_WIDE_U(0xFC, 0x16, "i64.mul_wide_u", ImmediateKind.NONE, Feature.WIDE_ARITHMETIC),
    V128_LOAD(0xFD, 0x00, "v128.load", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD8X8_S(0xFD, 0x01, "v128.load8x8_s", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD8X8_U(0xFD, 0x02, "v128.load8x8_u", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD16X4_S(0xFD, 0x03, "v128.load16x4_s", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD16X4_U(0xFD, 0x04, "v128.load16x4_u", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD32X2_S(0xFD, 0x05, "v128.load32x2_s", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD32X2_U(0xFD, 0x06, "v128.load32x2_u", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD8_SPLAT(0xFD, 0x07, "v128.load8_splat", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD16_SPLAT(0xFD, 0x08, "v128.load16_splat", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD32_SPLAT(0xFD, 0x09, "v128.load32_splat", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD64_SPLAT(0xFD, 0x0A, "v128.load64_splat", ImmediateKind.MEMARG, Feature.SIMD),
    V128_STORE(0xFD, 0x0B, "v128.store", ImmediateKind.MEMARG, Feature.SIMD),
    V128_CONST(0xFD, 0x0C, "v128.const", ImmediateKind.V128, Feature.SIMD),
    I8X16_SHUFFLE(0xFD, 0x0D, "i8x16.shuffle", ImmediateKind.SHUFFLE, Feature.SIMD),
    I8X16_SWIZZLE(0xFD, 0x0E, "i8x16.swizzle", ImmediateKind.NONE, Feature.SIMD),
    I8X16_SPLAT(0xFD, 0x0F, "i8x16.splat", ImmediateKind.NONE, Feature.SIMD),
    I16X8_SPLAT(0xFD, 0x10, "i16x8.splat", ImmediateKind.NONE, Feature.SIMD),
    I32X4_SPLAT(0xFD, 0x11, "i32x4.splat", ImmediateKind.NONE, Feature.SIMD),
    I64X2_SPLAT(0xFD, 0x12, "i64x2.splat", ImmediateKind.NONE, Feature.SIMD),
    F32X4_SPLAT(0xFD, 0x13, "f32x4.splat", ImmediateKind.NONE, Feature.SIMD),
    F64X2_SPLAT(0xFD, 0x14, "f64x2.splat", ImmediateKind.NONE, Feature.SIMD),
    I8X16_EXTRACT_LANE_S(0xFD, 0x15, "i8x16.extract_lane_s", ImmediateKind.LANE, Feature.SIMD),
    I8X16_EXTRACT_LANE_U(0xFD, 0x16, "i8x16.extract_lane_u", ImmediateKind.LANE, Feature.SIMD),
    I8X16_REPLACE_LANE(0xFD, 0x17, "i8x16.replace_lane", ImmediateKind.LANE, Feature.SIMD),
    I16X8_EXTRACT_LANE_S(0xFD, 0x18, "i16x8.extract_lane_s", ImmediateKind.LANE, Feature.SIMD),
    I16X8_EXTRACT_LANE_U(0xFD, 0x19, "i16x8.extract_lane_u", ImmediateKind.LANE, Feature.SIMD),
    I16X8_REPLACE_LANE(0xFD, 0x1A, "i16x8.replace_lane", ImmediateKind.LANE, Feature.SIMD),
    I32X4_EXTRACT_LANE(0xFD, 0x1B, "i32x4.extract_lane", ImmediateKind.LANE, Feature.SIMD),
    I32X4_REPLACE_LANE(0xFD, 0x1C, "i32x4.replace_lane", ImmediateKind.LANE, Feature.SIMD),
    I64X2_EXTRACT_LANE(0xFD, 0x1D, "i64x2.extract_lane", ImmediateKind.LANE, Feature.SIMD),
    I64X2_REPLACE_LANE(0xFD, 0x1E, "i64x2.replace_lane", ImmediateKind.LANE, Feature.SIMD),
    F32X4_EXTRACT_LANE(0xFD, 0x1F, "f32x4.extract_lane", ImmediateKind.LANE, Feature.SIMD),
    F32X4_REPLACE_LANE(0xFD, 0x20, "f32x4.replace_lane", ImmediateKind.LANE, Feature.SIMD),
    F64X2_EXTRACT_LANE(0xFD, 0x21, "f64x2.extract_lane", ImmediateKind.LANE, Feature.SIMD),
    F64X2_REPLACE_LANE(0xFD, 0x22, "f64x2.replace_lane", ImmediateKind.LANE, Feature.SIMD),
    I8X16_EQ(0xFD, 0x23, "i8x16.eq", ImmediateKind.NONE, Feature.SIMD),
    I8X16_NE(0xFD, 0x24, "i8x16.ne", ImmediateKind.NONE, Feature.SIMD),
    I8X16_LT_S(0xFD, 0x25, "i8x16.lt_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_LT_U(0xFD, 0x26, "i8x16.lt_u", ImmediateKind.NONE, Feature.SIMD),
    I8X16_GT_S(0xFD, 0x27, "i8x16.gt_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_GT_U(0xFD, 0x28, "i8x16.gt_u", ImmediateKind.NONE, Feature.SIMD),
    I8X16_LE_S(0xFD, 0x29, "i8x16.le_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_LE_U(0xFD, 0x2A, "i8x16.le_u", ImmediateKind.NONE, Feature.SIMD),
    I8X16_GE_S(0xFD, 0x2B, "i8x16.ge_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_GE_U(0xFD, 0x2C, "i8x16.ge_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EQ(0xFD, 0x2D, "i16x8.eq", ImmediateKind.NONE, Feature.SIMD),
    I16X8_NE(0xFD, 0x2E, "i16x8.ne", ImmediateKind.NONE, Feature.SIMD),
    I16X8_LT_S(0xFD, 0x2F, "i16x8.lt_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_LT_U(0xFD, 0x30, "i16x8.lt_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_GT_S(0xFD, 0x31, "i16x8.gt_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_GT_U(0xFD, 0x32, "i16x8.gt_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_LE_S(0xFD, 0x33, "i16x8.le_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_LE_U(0xFD, 0x34, "i16x8.le_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_GE_S(0xFD, 0x35, "i16x8.ge_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_GE_U(0xFD, 0x36, "i16x8.ge_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EQ(0xFD, 0x37, "i32x4.eq", ImmediateKind.NONE, Feature.SIMD),
    I32X4_NE(0xFD, 0x38, "i32x4.ne", ImmediateKind.NONE, Feature.SIMD),
    I32X4_LT_S(0xFD, 0x39, "i32x4.lt_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_LT_U(0xFD, 0x3A, "i32x4.lt_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_GT_S(0xFD, 0x3B, "i32x4.gt_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_GT_U(0xFD, 0x3C, "i32x4.gt_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_LE_S(0xFD, 0x3D, "i32x4.le_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_LE_U(0xFD, 0x3E, "i32x4.le_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_GE_S(0xFD, 0x3F, "i32x4.ge_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_GE_U(0xFD, 0x40, "i32x4.ge_u", ImmediateKind.NONE, Feature.SIMD),
    F32X4_EQ(0xFD, 0x41, "f32x4.eq", ImmediateKind.NONE, Feature.SIMD),
    F32X4_NE(0xFD, 0x42, "f32x4.ne", ImmediateKind.NONE, Feature.SIMD),
    F32X4_LT(0xFD, 0x43, "f32x4.lt", ImmediateKind.NONE, Feature.SIMD),
    F32X4_GT(0xFD, 0x44, "f32x4.gt", ImmediateKind.NONE, Feature.SIMD),
    F32X4_LE(0xFD, 0x45, "f32x4.le", ImmediateKind.NONE, Feature.SIMD),
    F32X4_GE(0xFD, 0x46, "f32x4.ge", ImmediateKind.NONE, Feature.SIMD),
    F64X2_EQ(0xFD, 0x47, "f64x2.eq", ImmediateKind.NONE, Feature.SIMD),
    F64X2_NE(0xFD, 0x48, "f64x2.ne", ImmediateKind.NONE, Feature.SIMD),
    F64X2_LT(0xFD, 0x49, "f64x2.lt", ImmediateKind.NONE, Feature.SIMD),
    F64X2_GT(0xFD, 0x4A, "f64x2.gt", ImmediateKind.NONE, Feature.SIMD),
    F64X2_LE(0xFD, 0x4B, "f64x2.le", ImmediateKind.NONE, Feature.SIMD),
    F64X2_GE(0xFD, 0x4C, "f64x2.ge", ImmediateKind.NONE, Feature.SIMD),
    V128_NOT(0xFD, 0x4D, "v128.not", ImmediateKind.NONE, Feature.SIMD),
    V128_AND(0xFD, 0x4E, "v128.and", ImmediateKind.NONE, Feature.SIMD),
    V128_ANDNOT(0xFD, 0x4F, "v128.andnot", ImmediateKind.NONE, Feature.SIMD),
    V128_OR(0xFD, 0x50, "v128.or", ImmediateKind.NONE, Feature.SIMD),
    V128_XOR(0xFD, 0x51, "v128.xor", ImmediateKind.NONE, Feature.SIMD),
    V128_BITSELECT(0xFD, 0x52, "v128.bitselect", ImmediateKind.NONE, Feature.SIMD),
    V128_ANY_TRUE(0xFD, 0x53, "v128.any_true", ImmediateKind.NONE, Feature.SIMD),
    V128_LOAD8_LANE(0xFD, 0x54, "v128.load8_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_LOAD16_LANE(0xFD, 0x55, "v128.load16_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_LOAD32_LANE(0xFD, 0x56, "v128.load32_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_LOAD64_LANE(0xFD, 0x57, "v128.load64_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_STORE8_LANE(0xFD, 0x58, "v128.store8_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_STORE16_LANE(0xFD, 0x59, "v128.store16_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_STORE32_LANE(0xFD, 0x5A, "v128.store32_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_STORE64_LANE(0xFD, 0x5B, "v128.store64_lane", ImmediateKind.MEMARG_LANE, Feature.SIMD),
    V128_LOAD32_ZERO(0xFD, 0x5C, "v128.load32_zero", ImmediateKind.MEMARG, Feature.SIMD),
    V128_LOAD64_ZERO(0xFD, 0x5D, "v128.load64_zero", ImmediateKind.MEMARG, Feature.SIMD),
    F32X4_DEMOTE_F64X2_ZERO(0xFD, 0x5E, "f32x4.demote_f64x2_zero", ImmediateKind.NONE, Feature.SIMD),
    F64X2_PROMOTE_LOW_F32X4(0xFD, 0x5F, "f64x2.promote_low_f32x4", ImmediateKind.NONE, Feature.SIMD),
    I8X16_ABS(0xFD, 0x60, "i8x16.abs", ImmediateKind.NONE, Feature.SIMD),
    I8X16_NEG(0xFD, 0x61, "i8x16.neg", ImmediateKind.NONE, Feature.SIMD),
    I8X16_POPCNT(0xFD, 0x62, "i8x16.popcnt", ImmediateKind.NONE, Feature.SIMD),
    I8X16_ALL_TRUE(0xFD, 0x63, "i8x16.all_true", ImmediateKind.NONE, Feature.SIMD),
    I8X16_BITMASK(0xFD, 0x64, "i8x16.bitmask", ImmediateKind.NONE, Feature.SIMD),
    I8X16_NARROW_I16X8_S(0xFD, 0x65, "i8x16.narrow_i16x8_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_NARROW_I16X8_U(0xFD, 0x66, "i8x16.narrow_i16x8_u", ImmediateKind.NONE, Feature.SIMD),
    F32X4_CEIL(0xFD, 0x67, "f32x4.ceil", ImmediateKind.NONE, Feature.SIMD),
    F32X4_FLOOR(0xFD, 0x68, "f32x4.floor", ImmediateKind.NONE, Feature.SIMD),
    F32X4_TRUNC(0xFD, 0x69, "f32x4.trunc", ImmediateKind.NONE, Feature.SIMD),
    F32X4_NEAREST(0xFD, 0x6A, "f32x4.nearest", ImmediateKind.NONE, Feature.SIMD),
    I8X16_SHL(0xFD, 0x6B, "i8x16.shl", ImmediateKind.NONE, Feature.SIMD),
    I8X16_SHR_S(0xFD, 0x6C, "i8x16.shr_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_SHR_U(0xFD, 0x6D, "i8x16.shr_u", ImmediateKind.NONE, Feature.SIMD),
    I8X16_ADD(0xFD, 0x6E, "i8x16.add", ImmediateKind.NONE, Feature.SIMD),
    I8X16_ADD_SAT_S(0xFD, 0x6F, "i8x16.add_sat_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_ADD_SAT_U(0xFD, 0x70, "i8x16.add_sat_u", ImmediateKind.NONE, Feature.SIMD),
    I8X16_SUB(0xFD, 0x71, "i8x16.sub", ImmediateKind.NONE, Feature.SIMD),
    I8X16_SUB_SAT_S(0xFD, 0x72, "i8x16.sub_sat_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_SUB_SAT_U(0xFD, 0x73, "i8x16.sub_sat_u", ImmediateKind.NONE, Feature.SIMD),
    F64X2_CEIL(0xFD, 0x74, "f64x2.ceil", ImmediateKind.NONE, Feature.SIMD),
    F64X2_FLOOR(0xFD, 0x75, "f64x2.floor", ImmediateKind.NONE, Feature.SIMD),
    I8X16_MIN_S(0xFD, 0x76, "i8x16.min_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_MIN_U(0xFD, 0x77, "i8x16.min_u", ImmediateKind.NONE, Feature.SIMD),
    I8X16_MAX_S(0xFD, 0x78, "i8x16.max_s", ImmediateKind.NONE, Feature.SIMD),
    I8X16_MAX_U(0xFD, 0x79, "i8x16.max_u", ImmediateKind.NONE, Feature.SIMD),
    F64X2_TRUNC(0xFD, 0x7A, "f64x2.trunc", ImmediateKind.NONE, Feature.SIMD),
    I8X16_AVGR_U(0xFD, 0x7B, "i8x16.avgr_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTADD_PAIRWISE_I8X16_S(0xFD, 0x7C, "i16x8.extadd_pairwise_i8x16_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTADD_PAIRWISE_I8X16_U(0xFD, 0x7D, "i16x8.extadd_pairwise_i8x16_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTADD_PAIRWISE_I16X8_S(0xFD, 0x7E, "i32x4.extadd_pairwise_i16x8_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTADD_PAIRWISE_I16X8_U(0xFD, 0x7F, "i32x4.extadd_pairwise_i16x8_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_ABS(0xFD, 0x80, "i16x8.abs", ImmediateKind.NONE, Feature.SIMD),
    I16X8_NEG(0xFD, 0x81, "i16x8.neg", ImmediateKind.NONE, Feature.SIMD),
    I16X8_Q15MULR_SAT_S(0xFD, 0x82, "i16x8.q15mulr_sat_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_ALL_TRUE(0xFD, 0x83, "i16x8.all_true", ImmediateKind.NONE, Feature.SIMD),
    I16X8_BITMASK(0xFD, 0x84, "i16x8.bitmask", ImmediateKind.NONE, Feature.SIMD),
    I16X8_NARROW_I32X4_S(0xFD, 0x85, "i16x8.narrow_i32x4_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_NARROW_I32X4_U(0xFD, 0x86, "i16x8.narrow_i32x4_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTEND_LOW_I8X16_S(0xFD, 0x87, "i16x8.extend_low_i8x16_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTEND_HIGH_I8X16_S(0xFD, 0x88, "i16x8.extend_high_i8x16_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTEND_LOW_I8X16_U(0xFD, 0x89, "i16x8.extend_low_i8x16_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTEND_HIGH_I8X16_U(0xFD, 0x8A, "i16x8.extend_high_i8x16_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_SHL(0xFD, 0x8B, "i16x8.shl", ImmediateKind.NONE, Feature.SIMD),
    I16X8_SHR_S(0xFD, 0x8C, "i16x8.shr_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_SHR_U(0xFD, 0x8D, "i16x8.shr_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_ADD(0xFD, 0x8E, "i16x8.add", ImmediateKind.NONE, Feature.SIMD),
    I16X8_ADD_SAT_S(0xFD, 0x8F, "i16x8.add_sat_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_ADD_SAT_U(0xFD, 0x90, "i16x8.add_sat_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_SUB(0xFD, 0x91, "i16x8.sub", ImmediateKind.NONE, Feature.SIMD),
    I16X8_SUB_SAT_S(0xFD, 0x92, "i16x8.sub_sat_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_SUB_SAT_U(0xFD, 0x93, "i16x8.sub_sat_u", ImmediateKind.NONE, Feature.SIMD),
    F64X2_NEAREST(0xFD, 0x94, "f64x2.nearest", ImmediateKind.NONE, Feature.SIMD),
    I16X8_MUL(0xFD, 0x95, "i16x8.mul", ImmediateKind.NONE, Feature.SIMD),
    I16X8_MIN_S(0xFD, 0x96, "i16x8.min_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_MIN_U(0xFD, 0x97, "i16x8.min_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_MAX_S(0xFD, 0x98, "i16x8.max_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_MAX_U(0xFD, 0x99, "i16x8.max_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_AVGR_U(0xFD, 0x9B, "i16x8.avgr_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTMUL_LOW_I8X16_S(0xFD, 0x9C, "i16x8.extmul_low_i8x16_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTMUL_HIGH_I8X16_S(0xFD, 0x9D, "i16x8.extmul_high_i8x16_s", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTMUL_LOW_I8X16_U(0xFD, 0x9E, "i16x8.extmul_low_i8x16_u", ImmediateKind.NONE, Feature.SIMD),
    I16X8_EXTMUL_HIGH_I8X16_U(0xFD, 0x9F, "i16x8.extmul_high_i8x16_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_ABS(0xFD, 0xA0, "i32x4.abs", ImmediateKind.NONE, Feature.SIMD),
    I32X4_NEG(0xFD, 0xA1, "i32x4.neg", ImmediateKind.NONE, Feature.SIMD),
    I32X4_ALL_TRUE(0xFD, 0xA3, "i32x4.all_true", ImmediateKind.NONE, Feature.SIMD),
    I32X4_BITMASK(0xFD, 0xA4, "i32x4.bitmask", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTEND_LOW_I16X8_S(0xFD, 0xA7, "i32x4.extend_low_i16x8_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTEND_HIGH_I16X8_S(0xFD, 0xA8, "i32x4.extend_high_i16x8_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTEND_LOW_I16X8_U(0xFD, 0xA9, "i32x4.extend_low_i16x8_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTEND_HIGH_I16X8_U(0xFD, 0xAA, "i32x4.extend_high_i16x8_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_SHL(0xFD, 0xAB, "i32x4.shl", ImmediateKind.NONE, Feature.SIMD),
    I32X4_SHR_S(0xFD, 0xAC, "i32x4.shr_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_SHR_U(0xFD, 0xAD, "i32x4.shr_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_ADD(0xFD, 0xAE, "i32x4.add", ImmediateKind.NONE, Feature.SIMD),
    I32X4_SUB(0xFD, 0xB1, "i32x4.sub", ImmediateKind.NONE, Feature.SIMD),
    I32X4_MUL(0xFD, 0xB5, "i32x4.mul", ImmediateKind.NONE, Feature.SIMD),
    I32X4_MIN_S(0xFD, 0xB6, "i32x4.min_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_MIN_U(0xFD, 0xB7, "i32x4.min_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_MAX_S(0xFD, 0xB8, "i32x4.max_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_MAX_U(0xFD, 0xB9, "i32x4.max_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_DOT_I16X8_S(0xFD, 0xBA, "i32x4.dot_i16x8_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTMUL_LOW_I16X8_S(0xFD, 0xBC, "i32x4.extmul_low_i16x8_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTMUL_HIGH_I16X8_S(0xFD, 0xBD, "i32x4.extmul_high_i16x8_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTMUL_LOW_I16X8_U(0xFD, 0xBE, "i32x4.extmul_low_i16x8_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_EXTMUL_HIGH_I16X8_U(0xFD, 0xBF, "i32x4.extmul_high_i16x8_u", ImmediateKind.NONE, Feature.SIMD),
    I64X2_ABS(0xFD, 0xC0, "i64x2.abs", ImmediateKind.NONE, Feature.SIMD),
    I64X2_NEG(0xFD, 0xC1, "i64x2.neg", ImmediateKind.NONE, Feature.SIMD),
    I64X2_ALL_TRUE(0xFD, 0xC3, "i64x2.all_true", ImmediateKind.NONE, Feature.SIMD),
    I64X2_BITMASK(0xFD, 0xC4, "i64x2.bitmask", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTEND_LOW_I32X4_S(0xFD, 0xC7, "i64x2.extend_low_i32x4_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTEND_HIGH_I32X4_S(0xFD, 0xC8, "i64x2.extend_high_i32x4_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTEND_LOW_I32X4_U(0xFD, 0xC9, "i64x2.extend_low_i32x4_u", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTEND_HIGH_I32X4_U(0xFD, 0xCA, "i64x2.extend_high_i32x4_u", ImmediateKind.NONE, Feature.SIMD),
    I64X2_SHL(0xFD, 0xCB, "i64x2.shl", ImmediateKind.NONE, Feature.SIMD),
    I64X2_SHR_S(0xFD, 0xCC, "i64x2.shr_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_SHR_U(0xFD, 0xCD, "i64x2.shr_u", ImmediateKind.NONE, Feature.SIMD),
    I64X2_ADD(0xFD, 0xCE, "i64x2.add", ImmediateKind.NONE, Feature.SIMD),
    I64X2_SUB(0xFD, 0xD1, "i64x2.sub", ImmediateKind.NONE, Feature.SIMD),
    I64X2_MUL(0xFD, 0xD5, "i64x2.mul", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EQ(0xFD, 0xD6, "i64x2.eq", ImmediateKind.NONE, Feature.SIMD),
    I64X2_NE(0xFD, 0xD7, "i64x2.ne", ImmediateKind.NONE, Feature.SIMD),
    I64X2_LT_S(0xFD, 0xD8, "i64x2.lt_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_GT_S(0xFD, 0xD9, "i64x2.gt_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_LE_S(0xFD, 0xDA, "i64x2.le_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_GE_S(0xFD, 0xDB, "i64x2.ge_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTMUL_LOW_I32X4_S(0xFD, 0xDC, "i64x2.extmul_low_i32x4_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTMUL_HIGH_I32X4_S(0xFD, 0xDD, "i64x2.extmul_high_i32x4_s", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTMUL_LOW_I32X4_U(0xFD, 0xDE, "i64x2.extmul_low_i32x4_u", ImmediateKind.NONE, Feature.SIMD),
    I64X2_EXTMUL_HIGH_I32X4_U(0xFD, 0xDF, "i64x2.extmul_high_i32x4_u", ImmediateKind.NONE, Feature.SIMD),
    F32X4_ABS(0xFD, 0xE0, "f32x4.abs", ImmediateKind.NONE, Feature.SIMD),
    F32X4_NEG(0xFD, 0xE1, "f32x4.neg", ImmediateKind.NONE, Feature.SIMD),
    F32X4_SQRT(0xFD, 0xE3, "f32x4.sqrt", ImmediateKind.NONE, Feature.SIMD),
    F32X4_ADD(0xFD, 0xE4, "f32x4.add", ImmediateKind.NONE, Feature.SIMD),
    F32X4_SUB(0xFD, 0xE5, "f32x4.sub", ImmediateKind.NONE, Feature.SIMD),
    F32X4_MUL(0xFD, 0xE6, "f32x4.mul", ImmediateKind.NONE, Feature.SIMD),
    F32X4_DIV(0xFD, 0xE7, "f32x4.div", ImmediateKind.NONE, Feature.SIMD),
    F32X4_MIN(0xFD, 0xE8, "f32x4.min", ImmediateKind.NONE, Feature.SIMD),
    F32X4_MAX(0xFD, 0xE9, "f32x4.max", ImmediateKind.NONE, Feature.SIMD),
    F32X4_PMIN(0xFD, 0xEA, "f32x4.pmin", ImmediateKind.NONE, Feature.SIMD),
    F32X4_PMAX(0xFD, 0xEB, "f32x4.pmax", ImmediateKind.NONE, Feature.SIMD),
    F64X2_ABS(0xFD, 0xEC, "f64x2.abs", ImmediateKind.NONE, Feature.SIMD),
    F64X2_NEG(0xFD, 0xED, "f64x2.neg", ImmediateKind.NONE, Feature.SIMD),
    F64X2_SQRT(0xFD, 0xEF, "f64x2.sqrt", ImmediateKind.NONE, Feature.SIMD),
    F64X2_ADD(0xFD, 0xF0, "f64x2.add", ImmediateKind.NONE, Feature.SIMD),
    F64X2_SUB(0xFD, 0xF1, "f64x2.sub", ImmediateKind.NONE, Feature.SIMD),
    F64X2_MUL(0xFD, 0xF2, "f64x2.mul", ImmediateKind.NONE, Feature.SIMD),
    F64X2_DIV(0xFD, 0xF3, "f64x2.div", ImmediateKind.NONE, Feature.SIMD),
    F64X2_MIN(0xFD, 0xF4, "f64x2.min", ImmediateKind.NONE, Feature.SIMD),
    F64X2_MAX(0xFD, 0xF5, "f64x2.max", ImmediateKind.NONE, Feature.SIMD),
    F64X2_PMIN(0xFD, 0xF6, "f64x2.pmin", ImmediateKind.NONE, Feature.SIMD),
    F64X2_PMAX(0xFD, 0xF7, "f64x2.pmax", ImmediateKind.NONE, Feature.SIMD),
    I32X4_TRUNC_SAT_F32X4_S(0xFD, 0xF8, "i32x4.trunc_sat_f32x4_s", ImmediateKind.NONE, Feature.SIMD),
    I32X4_TRUNC_SAT_F32X4_U(0xFD, 0xF9, "i32x4.trunc_sat_f32x4_u", ImmediateKind.NONE, Feature.SIMD),
    F32X4_CONVERT_I32X4_S(0xFD, 0xFA, "f32x4.convert_i32x4_s", ImmediateKind.NONE, Feature.SIMD),
    F32X4_CONVERT_I32X4_U(0xFD, 0xFB, "f32x4.convert_i32x4_u", ImmediateKind.NONE, Feature.SIMD),
    I32X4_TRUNC_SAT_F64X2_S_ZERO(0xFD, 0xFC, "i32x4.trunc_sat_f64x2_s_zero", ImmediateKind.NONE, Feature.SIMD),
    I32X4_TRUNC_SAT_F64X2_U_ZERO(0xFD, 0xFD, "i32x4.trunc_sat_f64x2_u_zero", ImmediateKind.NONE, Feature.SIMD),
    F64X2_CONVERT_LOW_I32X4_S(0xFD, 0xFE, "f64x2.convert_low_i32x4_s", ImmediateKind.NONE, Feature.SIMD),
    F64X2_CONVERT_LOW_I32X4_U(0xFD, 0xFF, "f64x2.convert_low_i32x4_u", ImmediateKind.NONE, Feature.SIMD),
    I8X16_RELAXED_SWIZZLE(0xFD, 0x100, "i8x16.relaxed_swizzle", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F32X4_S(0xFD, 0x101, "i32x4.relaxed_trunc_f32x4_s", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F32X4_U(0xFD, 0x102, "i32x4.relaxed_trunc_f32x4_u", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F64X2_S_ZERO(0xFD, 0x103, "i32x4.relaxed_trunc_f64x2_s_zero", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I32X4_RELAXED_TRUNC_F64X2_U_ZERO(0xFD, 0x104, "i32x4.relaxed_trunc_f64x2_u_zero", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F32X4_RELAXED_MADD(0xFD, 0x105, "f32x4.relaxed_madd", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F32X4_RELAXED_NMADD(0xFD, 0x106, "f32x4.relaxed_nmadd", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F64X2_RELAXED_MADD(0xFD, 0x107, "f64x2.relaxed_madd", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F64X2_RELAXED_NMADD(0xFD, 0x108, "f64x2.relaxed_nmadd", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I8X16_RELAXED_LANESELECT(0xFD, 0x109, "i8x16.relaxed_laneselect", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I16X8_RELAXED_LANESELECT(0xFD, 0x10A, "i16x8.relaxed_laneselect", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I32X4_RELAXED_LANESELECT(0xFD, 0x10B, "i32x4.relaxed_laneselect", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I64X2_RELAXED_LANESELECT(0xFD, 0x10C, "i64x2.relaxed_laneselect", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F32X4_RELAXED_MIN(0xFD, 0x10D, "f32x4.relaxed_min", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F32X4_RELAXED_MAX(0xFD, 0x10E, "f32x4.relaxed_max", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F64X2_RELAXED_MIN(0xFD, 0x10F, "f64x2.relaxed_min", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    F64X2_RELAXED_MAX(0xFD, 0x110, "f64x2.relaxed_max", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I16X8_RELAXED_Q15MULR_S(0xFD, 0x111, "i16x8.relaxed_q15mulr_s", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I16X8_RELAXED_DOT_I8X16_I7X16_S(0xFD, 0x112, "i16x8.relaxed_dot_i8x16_i7x16_s", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S(0xFD, 0x113, "i32x4.relaxed_dot_i8x16_i7x16_add_s", ImmediateKind.NONE, Feature.RELAXED_SIMD),
    MEMORY_ATOMIC_NOTIFY(0xFE, 0x00, "memory.atomic.notify", ImmediateKind.MEMARG, Feature.THREADS),
    MEMORY_ATOMIC_WAIT32(0xFE, 0x01, "memory.atomic.wait32", ImmediateKind.MEMARG, Feature.THREADS),
    MEMORY_ATOMIC_WAIT64(0xFE, 0x02, "memory.atomic.wait64", ImmediateKind.MEMARG, Feature.THREADS),
    ATOMIC_FENCE(0xFE, 0x03, "atomic.fence", ImmediateKind.ZERO_BYTE, Feature.THREADS),
    I32_ATOMIC_LOAD(0xFE, 0x10, "i32.atomic.load", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_LOAD(0xFE, 0x11, "i64.atomic.load", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_LOAD8_U(0xFE, 0x12, "i32.atomic.load8_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_LOAD16_U(0xFE, 0x13, "i32.atomic.load16_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_LOAD8_U(0xFE, 0x14, "i64.atomic.load8_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_LOAD16_U(0xFE, 0x15, "i64.atomic.load16_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_LOAD32_U(0xFE, 0x16, "i64.atomic.load32_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_STORE(0xFE, 0x17, "i32.atomic.store", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_STORE(0xFE, 0x18, "i64.atomic.store", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_STORE8(0xFE, 0x19, "i32.atomic.store8", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_STORE16(0xFE, 0x1A, "i32.atomic.store16", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_STORE8(0xFE, 0x1B, "i64.atomic.store8", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_STORE16(0xFE, 0x1C, "i64.atomic.store16", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_STORE32(0xFE, 0x1D, "i64.atomic.store32", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW_ADD(0xFE, 0x1E, "i32.atomic.rmw.add", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW_ADD(0xFE, 0x1F, "i64.atomic.rmw.add", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW8_ADD_U(0xFE, 0x20, "i32.atomic.rmw8.add_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW16_ADD_U(0xFE, 0x21, "i32.atomic.rmw16.add_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW8_ADD_U(0xFE, 0x22, "i64.atomic.rmw8.add_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW16_ADD_U(0xFE, 0x23, "i64.atomic.rmw16.add_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW32_ADD_U(0xFE, 0x24, "i64.atomic.rmw32.add_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW_SUB(0xFE, 0x25, "i32.atomic.rmw.sub", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW_SUB(0xFE, 0x26, "i64.atomic.rmw.sub", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW8_SUB_U(0xFE, 0x27, "i32.atomic.rmw8.sub_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW16_SUB_U(0xFE, 0x28, "i32.atomic.rmw16.sub_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW8_SUB_U(0xFE, 0x29, "i64.atomic.rmw8.sub_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW16_SUB_U(0xFE, 0x2A, "i64.atomic.rmw16.sub_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW32_SUB_U(0xFE, 0x2B, "i64.atomic.rmw32.sub_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW_AND(0xFE, 0x2C, "i32.atomic.rmw.and", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW_AND(0xFE, 0x2D, "i64.atomic.rmw.and", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW8_AND_U(0xFE, 0x2E, "i32.atomic.rmw8.and_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW16_AND_U(0xFE, 0x2F, "i32.atomic.rmw16.and_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW8_AND_U(0xFE, 0x30, "i64.atomic.rmw8.and_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW16_AND_U(0xFE, 0x31, "i64.atomic.rmw16.and_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW32_AND_U(0xFE, 0x32, "i64.atomic.rmw32.and_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW_OR(0xFE, 0x33, "i32.atomic.rmw.or", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW_OR(0xFE, 0x34, "i64.atomic.rmw.or", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW8_OR_U(0xFE, 0x35, "i32.atomic.rmw8.or_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW16_OR_U(0xFE, 0x36, "i32.atomic.rmw16.or_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW8_OR_U(0xFE, 0x37, "i64.atomic.rmw8.or_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW16_OR_U(0xFE, 0x38, "i64.atomic.rmw16.or_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW32_OR_U(0xFE, 0x39, "i64.atomic.rmw32.or_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW_XOR(0xFE, 0x3A, "i32.atomic.rmw.xor", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW_XOR(0xFE, 0x3B, "i64.atomic.rmw.xor", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW8_XOR_U(0xFE, 0x3C, "i32.atomic.rmw8.xor_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW16_XOR_U(0xFE, 0x3D, "i32.atomic.rmw16.xor_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW8_XOR_U(0xFE, 0x3E, "i64.atomic.rmw8.xor_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW16_XOR_U(0xFE, 0x3F, "i64.atomic.rmw16.xor_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW32_XOR_U(0xFE, 0x40, "i64.atomic.rmw32.xor_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW_XCHG(0xFE, 0x41, "i32.atomic.rmw.xchg", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW_XCHG(0xFE, 0x42, "i64.atomic.rmw.xchg", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW8_XCHG_U(0xFE, 0x43, "i32.atomic.rmw8.xchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW16_XCHG_U(0xFE, 0x44, "i32.atomic.rmw16.xchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW8_XCHG_U(0xFE, 0x45, "i64.atomic.rmw8.xchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW16_XCHG_U(0xFE, 0x46, "i64.atomic.rmw16.xchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW32_XCHG_U(0xFE, 0x47, "i64.atomic.rmw32.xchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW_CMPXCHG(0xFE, 0x48, "i32.atomic.rmw.cmpxchg", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW_CMPXCHG(0xFE, 0x49, "i64.atomic.rmw.cmpxchg", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW8_CMPXCHG_U(0xFE, 0x4A, "i32.atomic.rmw8.cmpxchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I32_ATOMIC_RMW16_CMPXCHG_U(0xFE, 0x4B, "i32.atomic.rmw16.cmpxchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW8_CMPXCHG_U(0xFE, 0x4C, "i64.atomic.rmw8.cmpxchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW16_CMPXCHG_U(0xFE, 0x4D, "i64.atomic.rmw16.cmpxchg_u", ImmediateKind.MEMARG, Feature.THREADS),
    I64_ATOMIC_RMW32_CMPXCHG_U(0xFE, 0x4E, "i64.atomic.rmw32.cmpxchg_u", ImmediateKind.MEMARG, Feature.THREADS);

    private static final Opcode[] SINGLE_BYTE = new Opcode[256];
    private static final Map<Integer, Opcode> PREFIXED = new HashMap<>();
    private static final Map<String, Opcode> BY_MNEMONIC = new HashMap<>();

    static {
        for (Opcode op : values()) {
            if (op.prefix == 0) {
                SINGLE_BYTE[op.code] = op;
            } else {
                PREFIXED.put(op.prefix << 24 | op.code, op);
            }
            BY_MNEMONIC.putIfAbsent(op.mnemonic, op);
        }
    }

    private final int prefix;
    private final int code;
    private final String mnemonic;
    private final ImmediateKind immediate;
    private final Feature feature;
    private final int naturalAlignmentLog2;
    private final ValType accessedType;
    private final boolean store;

    Opcode(int prefix, int code, String mnemonic, ImmediateKind immediate, Feature feature) {
        this.prefix = prefix;
        this.code = code;
        this.mnemonic = mnemonic;
        this.immediate = immediate;
        this.feature = feature;
        this.naturalAlignmentLog2 = naturalAlignmentLog2(mnemonic, immediate);
        this.accessedType = naturalAlignmentLog2 < 0 ? null : accessedType(mnemonic);
        this.store = naturalAlignmentLog2 >= 0 && mnemonic.contains("store");
    }

    /** The prefix byte (0xFB, 0xFC, 0xFD, 0xFE), or 0 for single-byte opcodes. */
    public int prefix() {
        return prefix;
    }

    /** The opcode byte, or for prefixed opcodes the u32 that follows the prefix. */
    public int code() {
        return code;
    }

    /** The name in the text format. */
    public String mnemonic() {
        return mnemonic;
    }

    public ImmediateKind immediate() {
        return immediate;
    }

    public Feature feature() {
        return feature;
    }

    /** The single-byte opcode {@code code}, or null if none is defined. */
    public static Opcode singleByte(int code) {
        return code >= 0 && code < 256 ? SINGLE_BYTE[code] : null;
    }

    /** The opcode {@code code} after prefix byte {@code prefix}, or null if none is defined. */
    public static Opcode prefixed(int prefix, int code) {
        return code < 0 || code > 0xFFFFFF ? null : PREFIXED.get(prefix << 24 | code);
    }

    /**
     * The opcode with this text mnemonic, or null. For mnemonics with two encodings this is the
     * plain form ({@code select} without types, {@code ref.test} without {@code null}).
     */
    public static Opcode fromMnemonic(String mnemonic) {
        return BY_MNEMONIC.get(mnemonic);
    }

    /**
     * For memory accesses, log2 of the access size in bytes (the natural alignment), read off the
     * mnemonic: the digits after {@code load}/{@code store}/{@code rmw}/{@code wait} give the bits
     * ({@code 8x8} means 8 lanes of 8 bits), otherwise the value type's size does. -1 for others.
     */
    public int naturalAlignmentLog2() {
        return naturalAlignmentLog2;
    }

    /**
     * For memory accesses, the value type loaded or stored, read off the mnemonic's prefix
     * ({@code v128} for vector accesses, lane accesses included); null for other instructions and
     * for {@code memory.atomic.*}.
     */
    public ValType accessedType() {
        return accessedType;
    }

    /** Whether this is a store: a memory access that writes a value (lane stores and atomic stores too, read-modify-writes not). */
    public boolean isStore() {
        return store;
    }

    private static ValType accessedType(String mnemonic) {
        return switch (mnemonic.substring(0, mnemonic.indexOf('.'))) {
            case "i32" -> NumType.I32;
            case "i64" -> NumType.I64;
            case "f32" -> NumType.F32;
            case "f64" -> NumType.F64;
            case "v128" -> VecType.V128;
            default -> null;
        };
    }

    private static int naturalAlignmentLog2(String mnemonic, ImmediateKind immediate) {
        if (immediate != ImmediateKind.MEMARG && immediate != ImmediateKind.MEMARG_LANE) {
            return -1;
        }
        if (mnemonic.equals("memory.atomic.notify")) {
            return 2;
        }
        int bits = 0;
        for (String marker : new String[] {"load", "store", "rmw", "wait"}) {
            int at = mnemonic.lastIndexOf(marker);
            if (at >= 0) {
                int digitsAt = at + marker.length();
                bits = leadingNumber(mnemonic, digitsAt);
                int lanesAt = digitsAt + Integer.toString(bits).length();
                if (bits > 0 && lanesAt < mnemonic.length() && mnemonic.charAt(lanesAt) == 'x') {
                    bits *= leadingNumber(mnemonic, lanesAt + 1);
                }
                break;
            }
        }
        if (bits == 0) {
            bits = switch (mnemonic.substring(0, mnemonic.indexOf('.'))) {
                case "i32", "f32" -> 32;
                case "i64", "f64" -> 64;
                default -> 128;
            };
        }
        return Integer.numberOfTrailingZeros(bits / 8);
    }

    private static int leadingNumber(String mnemonic, int from) {
        int end = from;
        while (end < mnemonic.length() && Character.isDigit(mnemonic.charAt(end))) {
            end++;
        }
        return end == from ? 0 : Integer.parseInt(mnemonic.substring(from, end));
    }

    @Override
    public String toString() {
        return mnemonic;
    }
}
