package dev.arabica.runtime.interpreter;

import dev.arabica.format.model.Opcode;
import dev.arabica.runtime.ops.Lanes;

/** Lane access instructions ({@code extract_lane}, {@code replace_lane}) and {@code i8x16.shuffle}. */
final class SimdLanes {

    private SimdLanes() {
    }

    static int apply(Opcode op, int lane, long[] s, int sp) {
        String mnemonic = op.mnemonic();
        String shape = mnemonic.substring(0, mnemonic.indexOf('.'));
        int width = switch (shape) {
            case "i8x16" -> 8;
            case "i16x8" -> 16;
            case "i32x4", "f32x4" -> 32;
            default -> 64;
        };
        if (mnemonic.contains("replace_lane")) {
            long value = s[sp - 1];
            if (lane * width < 64) {
                s[sp - 3] = Lanes.with(s[sp - 3], lane, width, value);
            } else {
                s[sp - 2] = Lanes.with(s[sp - 2], lane, width, value);
            }
            return sp - 1;
        }
        long value = Lanes.get(s[sp - 2], s[sp - 1], lane, width);
        s[sp - 2] = mnemonic.endsWith("_s") ? Lanes.signed(value, width) : value;
        return sp - 1;
    }

    static int shuffle(int[] code, int pc, long[] s, int sp) {
        long[] out = new long[16];
        for (int i = 0; i < 16; i++) {
            int index = (code[pc + i / 4] >>> (8 * (i % 4))) & 0xFF;
            out[i] = index < 16 ? Lanes.get(s[sp - 4], s[sp - 3], index, 8) : Lanes.get(s[sp - 2], s[sp - 1], index - 16, 8);
        }
        Lanes.pack(out, 8, s, sp - 4);
        return sp - 2;
    }
}
