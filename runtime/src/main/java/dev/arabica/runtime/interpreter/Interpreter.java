package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Global;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Machine;
import dev.arabica.runtime.Memory;
import dev.arabica.runtime.Table;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.runtime.compiler.EpochFlag;
import dev.arabica.runtime.ops.Bulk;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Runs pre-decoded code on a machine's slot stack. The frame of a call is its locals followed by
 * its operands; arguments are the caller's top operands, and results replace them. See
 * RATIONALE.md for why the loop has this shape.
 */
final class Interpreter {

    private static final Opcode[] OPCODES = Opcode.values();
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Interpreter() {
    }

    static void execute(WasmFunc function, Machine machine, int base) {
        Code compiled = function.code();
        int operands = base + compiled.localSlots();
        machine.ensure(operands + compiled.maxOperandSlots() + 1);
        long[] s = machine.stack;
        Object[] r = machine.refs;
        Arrays.fill(s, base + compiled.paramSlots(), operands, 0L);
        Arrays.fill(r, base + compiled.paramSlots(), operands, null);
        int callerDepth = machine.enter();
        int pc = 0;
        try {
            Instance instance = function.instance();
            EpochFlag epoch = instance.module().engine().epochInterruption() ? instance.store().epochFlag() : null;
            if (epoch != null && epoch.expired) {
                instance.store().checkEpochDeadline();
            }
            int[] code = compiled.code();
            Memory memory = instance.defaultMemory();
            byte[] mem = memory == null ? null : memory.bytes();
            int sp = operands;
            while (true) {
                Opcode op = OPCODES[code[pc++]];
                switch (op) {
                    case UNREACHABLE -> throw new Trap(TrapKind.UNREACHABLE);
                    case NOP -> {
                        // CodeCompiler emits nop only as a fuel charge, complemented where it checks; see FuelPlan.
                        long cost = (code[pc] & 0xFFFFFFFFL) | ((long) code[pc + 1] << 32);
                        pc += 2;
                        chargeFuel(instance, cost);
                    }
                    case IF -> {
                        int target = code[pc++];
                        if ((int) s[--sp] == 0) {
                            pc = target;
                        }
                    }
                    case ELSE -> pc = code[pc];
                    case BR -> {
                        sp = branch(s, r, sp, operands, code[pc + 1], code[pc + 2]);
                        int target = code[pc];
                        if (epoch != null && target < pc) {
                            checkEpoch(epoch, instance);
                        }
                        pc = target;
                    }
                    case BR_IF -> {
                        if ((int) s[--sp] != 0) {
                            sp = branch(s, r, sp, operands, code[pc + 1], code[pc + 2]);
                            int target = code[pc];
                            if (epoch != null && target < pc) {
                                checkEpoch(epoch, instance);
                            }
                            pc = target;
                        } else {
                            pc += 3;
                        }
                    }
                    case BR_TABLE -> {
                        int count = code[pc];
                        long index = Integer.toUnsignedLong((int) s[--sp]);
                        int entry = pc + 1 + 3 * (int) Math.min(index, count);
                        sp = branch(s, r, sp, operands, code[entry + 1], code[entry + 2]);
                        int target = code[entry];
                        if (epoch != null && target < pc) {
                            checkEpoch(epoch, instance);
                        }
                        pc = target;
                    }
                    case RETURN -> {
                        int results = compiled.resultSlots();
                        System.arraycopy(s, sp - results, s, base, results);
                        System.arraycopy(r, sp - results, r, base, results);
                        return;
                    }
                    case CALL -> {
                        Func callee = instance.funcAt(code[pc++]);
                        sp = call(callee, instance, machine, sp);
                        s = machine.stack;
                        r = machine.refs;
                        mem = memory == null ? null : memory.bytes();
                    }
                    case CALL_INDIRECT -> {
                        int expected = code[pc];
                        Table table = instance.tableAt(code[pc + 1]);
                        pc += 3;
                        Func callee = table.indirectTarget(Integer.toUnsignedLong((int) s[--sp]), expected);
                        sp = call(callee, instance, machine, sp);
                        s = machine.stack;
                        r = machine.refs;
                        mem = memory == null ? null : memory.bytes();
                    }
                    case DROP -> sp--;
                    case SELECT -> {
                        int width = code[pc++];
                        int condition = (int) s[--sp];
                        sp -= width;
                        if (condition == 0) {
                            System.arraycopy(s, sp, s, sp - width, width);
                            System.arraycopy(r, sp, r, sp - width, width);
                        }
                    }
                    case LOCAL_GET -> {
                        int slot = code[pc++];
                        if (slot >= 0) {
                            s[sp] = s[base + slot];
                            r[sp++] = r[base + slot];
                        } else {
                            s[sp++] = s[base + ~slot];
                            s[sp++] = s[base + ~slot + 1];
                        }
                    }
                    case LOCAL_SET -> {
                        int slot = code[pc++];
                        if (slot >= 0) {
                            s[base + slot] = s[--sp];
                            r[base + slot] = r[sp];
                        } else {
                            s[base + ~slot + 1] = s[--sp];
                            s[base + ~slot] = s[--sp];
                        }
                    }
                    case LOCAL_TEE -> {
                        int slot = code[pc++];
                        if (slot >= 0) {
                            s[base + slot] = s[sp - 1];
                            r[base + slot] = r[sp - 1];
                        } else {
                            s[base + ~slot] = s[sp - 2];
                            s[base + ~slot + 1] = s[sp - 1];
                        }
                    }
                    case GLOBAL_GET -> {
                        int index = code[pc++];
                        Global global = instance.globalAt(index >= 0 ? index : ~index);
                        s[sp] = global.bits();
                        r[sp++] = global.ref();
                        if (index < 0) {
                            s[sp++] = global.high();
                        }
                    }
                    case GLOBAL_SET -> {
                        int index = code[pc++];
                        Global global = instance.globalAt(index >= 0 ? index : ~index);
                        if (index < 0) {
                            global.setHigh(s[--sp]);
                        }
                        global.setBits(s[--sp]);
                        global.setRef(r[sp]);
                    }
                    case V128_CONST -> {
                        s[sp++] = (code[pc] & 0xFFFFFFFFL) | ((long) code[pc + 1] << 32);
                        s[sp++] = (code[pc + 2] & 0xFFFFFFFFL) | ((long) code[pc + 3] << 32);
                        pc += 4;
                    }
                    case I8X16_SHUFFLE -> {
                        sp = SimdLanes.shuffle(code, pc, s, sp);
                        pc += 4;
                    }
                    case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U, I8X16_REPLACE_LANE, I16X8_EXTRACT_LANE_S,
                            I16X8_EXTRACT_LANE_U, I16X8_REPLACE_LANE, I32X4_EXTRACT_LANE, I32X4_REPLACE_LANE,
                            I64X2_EXTRACT_LANE, I64X2_REPLACE_LANE, F32X4_EXTRACT_LANE, F32X4_REPLACE_LANE,
                            F64X2_EXTRACT_LANE, F64X2_REPLACE_LANE -> sp = SimdLanes.apply(op, code[pc++], s, sp);
                    case V128_LOAD, V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S,
                            V128_LOAD32X2_U, V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT,
                            V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                        long address = (s[sp - 1] & 0xFFFFFFFFL) + ((code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32));
                        pc += 3;
                        sp = SimdMemory.load(op, mem, address, s, sp);
                    }
                    case V128_STORE -> {
                        long address = (s[sp - 3] & 0xFFFFFFFFL) + ((code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32));
                        pc += 3;
                        sp = SimdMemory.store(mem, address, s, sp);
                    }
                    case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE, V128_STORE8_LANE,
                            V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                        long address = (s[sp - 3] & 0xFFFFFFFFL) + ((code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32));
                        int lane = code[pc + 3];
                        pc += 4;
                        sp = SimdMemory.lane(op, mem, address, lane, s, sp);
                    }
                    case I32_EQZ -> s[sp - 1] = (int) s[sp - 1] == 0 ? 1 : 0;
                    case I32_EQ -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] == (int) s[sp] ? 1 : 0;
                    }
                    case I32_NE -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] != (int) s[sp] ? 1 : 0;
                    }
                    case I32_LT_S -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] < (int) s[sp] ? 1 : 0;
                    }
                    case I32_LT_U -> {
                        sp--;
                        s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) < 0 ? 1 : 0;
                    }
                    case I32_GT_S -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] > (int) s[sp] ? 1 : 0;
                    }
                    case I32_GT_U -> {
                        sp--;
                        s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) > 0 ? 1 : 0;
                    }
                    case I32_LE_S -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] <= (int) s[sp] ? 1 : 0;
                    }
                    case I32_LE_U -> {
                        sp--;
                        s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) <= 0 ? 1 : 0;
                    }
                    case I32_GE_S -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] >= (int) s[sp] ? 1 : 0;
                    }
                    case I32_GE_U -> {
                        sp--;
                        s[sp - 1] = Integer.compareUnsigned((int) s[sp - 1], (int) s[sp]) >= 0 ? 1 : 0;
                    }
                    case I32_ADD -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] + (int) s[sp];
                    }
                    case I32_SUB -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] - (int) s[sp];
                    }
                    case I32_MUL -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] * (int) s[sp];
                    }
                    case I32_AND -> {
                        sp--;
                        s[sp - 1] = (int) (s[sp - 1] & s[sp]);
                    }
                    case I32_OR -> {
                        sp--;
                        s[sp - 1] = (int) (s[sp - 1] | s[sp]);
                    }
                    case I32_XOR -> {
                        sp--;
                        s[sp - 1] = (int) (s[sp - 1] ^ s[sp]);
                    }
                    case I32_SHL -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] << (int) s[sp];
                    }
                    case I32_SHR_S -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] >> (int) s[sp];
                    }
                    case I32_SHR_U -> {
                        sp--;
                        s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp];
                    }
                    case I64_ADD -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] + s[sp];
                    }
                    case I64_SUB -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] - s[sp];
                    }
                    case I64_MUL -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] * s[sp];
                    }
                    case I64_AND -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] & s[sp];
                    }
                    case I64_OR -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] | s[sp];
                    }
                    case I64_XOR -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] ^ s[sp];
                    }
                    case I64_SHL -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] << s[sp];
                    }
                    case I64_SHR_S -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] >> s[sp];
                    }
                    case I64_SHR_U -> {
                        sp--;
                        s[sp - 1] = s[sp - 1] >>> s[sp];
                    }
                    case F64_ADD -> {
                        sp--;
                        s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) + Double.longBitsToDouble(s[sp]));
                    }
                    case F64_SUB -> {
                        sp--;
                        s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) - Double.longBitsToDouble(s[sp]));
                    }
                    case F64_MUL -> {
                        sp--;
                        s[sp - 1] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[sp - 1]) * Double.longBitsToDouble(s[sp]));
                    }
                    case I32_CONST -> s[sp++] = code[pc++];
                    case F32_CONST -> s[sp++] = code[pc++] & 0xFFFFFFFFL;
                    case I64_CONST, F64_CONST -> {
                        s[sp++] = (code[pc] & 0xFFFFFFFFL) | ((long) code[pc + 1] << 32);
                        pc += 2;
                    }
                    case I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S, I32_LOAD16_U,
                            I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S, I64_LOAD32_U -> {
                        long address = (s[sp - 1] & 0xFFFFFFFFL) + ((code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32));
                        pc += 3;
                        s[sp - 1] = load(op, mem, address);
                    }
                    case I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16, I64_STORE8, I64_STORE16,
                            I64_STORE32 -> {
                        long value = s[--sp];
                        long address = (s[--sp] & 0xFFFFFFFFL) + ((code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32));
                        pc += 3;
                        store(op, mem, address, value);
                    }
                    case MEMORY_SIZE -> {
                        pc++;
                        s[sp++] = memory.pages();
                    }
                    case MEMORY_GROW -> {
                        pc++;
                        s[sp - 1] = memory.grow(s[sp - 1] & 0xFFFFFFFFL);
                        mem = memory.bytes();
                    }
                    case MEMORY_FILL -> {
                        pc++;
                        sp -= 3;
                        Bulk.fill(mem, s[sp] & 0xFFFFFFFFL, (byte) s[sp + 1], s[sp + 2] & 0xFFFFFFFFL);
                    }
                    case MEMORY_COPY -> {
                        pc += 2;
                        sp -= 3;
                        Bulk.copy(mem, s[sp] & 0xFFFFFFFFL, s[sp + 1] & 0xFFFFFFFFL, s[sp + 2] & 0xFFFFFFFFL);
                    }
                    case MEMORY_INIT -> {
                        byte[] data = instance.dataAt(code[pc]);
                        pc += 2;
                        sp -= 3;
                        Bulk.init(mem, s[sp] & 0xFFFFFFFFL, data, s[sp + 1] & 0xFFFFFFFFL, s[sp + 2] & 0xFFFFFFFFL);
                    }
                    case DATA_DROP -> instance.dropData(code[pc++]);
                    case REF_NULL -> {
                        s[sp] = 0;
                        r[sp++] = null;
                    }
                    case REF_IS_NULL -> {
                        s[sp - 1] = r[sp - 1] == null ? 1 : 0;
                        r[sp - 1] = null;
                    }
                    case REF_FUNC -> {
                        s[sp] = 0;
                        r[sp++] = instance.funcAt(code[pc++]);
                    }
                    case TABLE_GET -> {
                        Table table = instance.tableAt(code[pc++]);
                        r[sp - 1] = table.get(s[sp - 1] & 0xFFFFFFFFL);
                        s[sp - 1] = 0;
                    }
                    case TABLE_SET -> {
                        Table table = instance.tableAt(code[pc++]);
                        sp -= 2;
                        table.set(s[sp] & 0xFFFFFFFFL, r[sp + 1]);
                    }
                    case TABLE_SIZE -> {
                        s[sp] = instance.tableAt(code[pc++]).size();
                        r[sp++] = null;
                    }
                    case TABLE_GROW -> {
                        Table table = instance.tableAt(code[pc++]);
                        sp--;
                        s[sp - 1] = table.grow(s[sp] & 0xFFFFFFFFL, r[sp - 1]);
                        r[sp - 1] = null;
                    }
                    case TABLE_FILL -> {
                        Table table = instance.tableAt(code[pc++]);
                        sp -= 3;
                        Bulk.fill(table, s[sp] & 0xFFFFFFFFL, r[sp + 1], s[sp + 2] & 0xFFFFFFFFL);
                    }
                    case TABLE_COPY -> {
                        Table destination = instance.tableAt(code[pc]);
                        Table source = instance.tableAt(code[pc + 1]);
                        pc += 2;
                        sp -= 3;
                        Bulk.copy(destination, s[sp] & 0xFFFFFFFFL, source, s[sp + 1] & 0xFFFFFFFFL, s[sp + 2] & 0xFFFFFFFFL);
                    }
                    case TABLE_INIT -> {
                        Object[] elements = instance.elemAt(code[pc]);
                        Table table = instance.tableAt(code[pc + 1]);
                        pc += 2;
                        sp -= 3;
                        Bulk.init(table, s[sp] & 0xFFFFFFFFL, elements, s[sp + 1] & 0xFFFFFFFFL, s[sp + 2] & 0xFFFFFFFFL);
                    }
                    case ELEM_DROP -> instance.dropElem(code[pc++]);
                    default -> sp = op.feature() == dev.arabica.format.model.Feature.SIMD
                            ? Simd.apply(op, s, sp) : Numeric.apply(op, s, sp);
                }
            }
        } catch (Trap trap) {
            trap.addFrame(new Trap.Frame(function.functionIndex(),
                    function.instance().module().names().functionName(function.functionIndex()).orElse(null),
                    compiled.offsetAt(pc - 1)));
            throw trap;
        } finally {
            machine.setDepth(callerDepth);
        }
    }

    private static void chargeFuel(Instance instance, long cost) {
        if (cost < 0) {
            instance.fuelTank().chargeAndCheck(~cost);
        } else {
            instance.fuelTank().charge(cost);
        }
    }

    /** At a loop back-edge, with interruption on: traps (or extends) once the deadline has passed. */
    private static void checkEpoch(EpochFlag epoch, Instance instance) {
        if (epoch.expired) {
            instance.store().checkEpochDeadline();
        }
    }

    /** Keeps the top {@code arity} slots, placed at the target's height. */
    private static int branch(long[] s, Object[] r, int sp, int operands, int height, int arity) {
        int target = operands + height;
        if (target != sp - arity) {
            System.arraycopy(s, sp - arity, s, target, arity);
            System.arraycopy(r, sp - arity, r, target, arity);
        }
        return target + arity;
    }

    private static int call(Func callee, Instance caller, Machine machine, int sp) {
        int base = sp - callee.paramSlots();
        machine.setCaller(caller);
        callee.invoke(machine, base);
        return base + callee.resultSlots();
    }

    private static long load(Opcode op, byte[] mem, long address) {
        int size = 1 << op.naturalAlignmentLog2();
        if (mem == null || address + size > mem.length) {
            throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        int at = (int) address;
        return switch (op) {
            case I32_LOAD, F32_LOAD -> (int) INT.get(mem, at) & 0xFFFFFFFFL;
            case I64_LOAD, F64_LOAD -> (long) LONG.get(mem, at);
            case I32_LOAD8_S -> mem[at] & 0xFFFFFFFFL;
            case I32_LOAD8_U, I64_LOAD8_U -> mem[at] & 0xFFL;
            case I32_LOAD16_S -> (short) SHORT.get(mem, at) & 0xFFFFFFFFL;
            case I32_LOAD16_U, I64_LOAD16_U -> (short) SHORT.get(mem, at) & 0xFFFFL;
            case I64_LOAD8_S -> mem[at];
            case I64_LOAD16_S -> (short) SHORT.get(mem, at);
            case I64_LOAD32_S -> (int) INT.get(mem, at);
            case I64_LOAD32_U -> (int) INT.get(mem, at) & 0xFFFFFFFFL;
            default -> throw new IllegalStateException(op.mnemonic());
        };
    }

    private static void store(Opcode op, byte[] mem, long address, long value) {
        int size = 1 << op.naturalAlignmentLog2();
        if (mem == null || address + size > mem.length) {
            throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        int at = (int) address;
        switch (op) {
            case I32_STORE, F32_STORE, I64_STORE32 -> INT.set(mem, at, (int) value);
            case I64_STORE, F64_STORE -> LONG.set(mem, at, value);
            case I32_STORE8, I64_STORE8 -> mem[at] = (byte) value;
            case I32_STORE16, I64_STORE16 -> SHORT.set(mem, at, (short) value);
            default -> throw new IllegalStateException(op.mnemonic());
        }
    }
}
