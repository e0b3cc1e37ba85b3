package dev.arabica.runtime.compiler;

import dev.arabica.format.model.Opcode;
import dev.arabica.format.model.ValType;

/**
 * The {@code ops.MemoryAccess} method that a scalar load or store calls: {@code i64.load16_u} is
 * {@code i64Load16U (I[BI)J}. Worked out once per opcode, since every access needs it.
 */
record MemoryAccessor(String method, String descriptor, ValType valueType, boolean store) {

    /** Filled on first use; a race computes equal values, whose fields are final. */
    private static final MemoryAccessor[] BY_OPCODE = new MemoryAccessor[Opcode.values().length];

    static MemoryAccessor of(Opcode op) {
        MemoryAccessor accessor = BY_OPCODE[op.ordinal()];
        if (accessor == null) {
            accessor = describe(op);
            BY_OPCODE[op.ordinal()] = accessor;
        }
        return accessor;
    }

    private static MemoryAccessor describe(Opcode op) {
        String mnemonic = op.mnemonic();
        boolean store = op.isStore();
        ValType valueType = op.accessedType();
        String descriptor = store ? "(I" + JvmTypes.descriptor(valueType) + "[BI)V"
                : "(I[BI)" + JvmTypes.descriptor(valueType);
        return new MemoryAccessor(methodName(mnemonic), descriptor, valueType, store);
    }

    private static String methodName(String mnemonic) {
        StringBuilder name = new StringBuilder(mnemonic.substring(0, 3));
        boolean upper = true;
        for (char c : mnemonic.substring(4).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
