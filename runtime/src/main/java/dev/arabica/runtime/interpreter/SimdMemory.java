package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.runtime.ops.Lanes;

/** Vector loads and stores, whole or by lane, with the bounds check of the bytes they touch. */
final class SimdMemory {

    private SimdMemory() {
    }

    private static long bytes(byte[] mem, long address, int count) {
        if (mem == null || address + count > mem.length) {
            throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (mem[(int) address + i] & 0xFF);
        }
        return value;
    }

    private static void write(byte[] mem, long address, int count, long value) {
        if (mem == null || address + count > mem.length) {
            throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        for (int i = 0; i < count; i++) {
            mem[(int) address + i] = (byte) (value >>> (8 * i));
        }
    }

    /** A load: the address is on the stack at {@code sp - 1}; returns the new stack pointer. */
    static int load(Opcode op, byte[] mem, long address, long[] s, int sp) {
        int at = sp - 1;
        switch (op) {
            case V128_LOAD -> {
                long low = bytes(mem, address, 8);
                s[at + 1] = bytes(mem, address + 8, 8);
                s[at] = low;
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                int width = op.mnemonic().contains("load8") ? 8 : op.mnemonic().contains("load16") ? 16 : 32;
                boolean signed = op.mnemonic().endsWith("_s");
                long packed = bytes(mem, address, 8);
                int lanes = 64 / width;
                long[] out = new long[lanes];
                for (int i = 0; i < lanes; i++) {
                    long lane = (packed >>> (i * width)) & Lanes.mask(width);
                    out[i] = signed ? Lanes.signed(lane, width) : lane;
                }
                Lanes.pack(out, width * 2, s, at);
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                int size = 1 << op.naturalAlignmentLog2();
                long value = bytes(mem, address, size);
                long[] out = new long[16 / size];
                java.util.Arrays.fill(out, value);
                Lanes.pack(out, size * 8, s, at);
            }
            case V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                s[at] = bytes(mem, address, 1 << op.naturalAlignmentLog2());
                s[at + 1] = 0;
            }
            default -> throw new IllegalStateException(op.mnemonic());
        }
        return sp + 1;
    }

    /** {@code v128.store}: address at {@code sp - 3}, vector at {@code sp - 2}. */
    static int store(byte[] mem, long address, long[] s, int sp) {
        if (mem == null || address + 16 > mem.length) {
            throw new Trap(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        write(mem, address, 8, s[sp - 2]);
        write(mem, address + 8, 8, s[sp - 1]);
        return sp - 3;
    }

    /** A lane load or store: address at {@code sp - 3}, vector at {@code sp - 2}. */
    static int lane(Opcode op, byte[] mem, long address, int lane, long[] s, int sp) {
        int size = 1 << op.naturalAlignmentLog2();
        int width = size * 8;
        int bit = lane * width;
        boolean low = bit < 64;
        if (!op.isStore()) {
            long value = bytes(mem, address, size);
            long low64 = s[sp - 2];
            long high64 = s[sp - 1];
            if (low) {
                low64 = Lanes.with(low64, lane, width, value);
            } else {
                high64 = Lanes.with(high64, lane, width, value);
            }
            s[sp - 3] = low64;
            s[sp - 2] = high64;
            return sp - 1;
        }
        write(mem, address, size, Lanes.get(s[sp - 2], s[sp - 1], lane, width));
        return sp - 3;
    }
}
