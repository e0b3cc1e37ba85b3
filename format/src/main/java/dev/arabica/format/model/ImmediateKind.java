package dev.arabica.format.model;

/**
 * The shape of an opcode's immediates, which decides both its binary encoding and the
 * {@link Instruction} record that carries it.
 */
public enum ImmediateKind {
    /** {@link Instruction.Plain}. */
    NONE,
    /** {@link Instruction.Plain}; a single reserved zero byte follows the opcode ({@code atomic.fence}). */
    ZERO_BYTE,
    /** {@link Instruction.Block}: block, loop, if, legacy try. */
    BLOCK_TYPE,
    /** {@link Instruction.Indexed}: a label depth. */
    LABEL,
    /** {@link Instruction.BrTable}. */
    BR_TABLE,
    /** {@link Instruction.Indexed}: a function index. */
    FUNC,
    /** {@link Instruction.Indexed}: a type index. */
    TYPE,
    /** {@link Instruction.Indexed}: a local index. */
    LOCAL,
    /** {@link Instruction.Indexed}: a global index. */
    GLOBAL,
    /** {@link Instruction.Indexed}: a table index. */
    TABLE,
    /** {@link Instruction.Indexed}: a memory index. */
    MEMORY,
    /** {@link Instruction.Indexed}: a tag index. */
    TAG,
    /** {@link Instruction.Indexed}: a data segment index. */
    DATA,
    /** {@link Instruction.Indexed}: an element segment index. */
    ELEM,
    /** {@link Instruction.Indexed}: a vector lane index. */
    LANE,
    /** {@link Instruction.IndexPair}: type index, then table index ({@code call_indirect}). */
    TYPE_TABLE,
    /** {@link Instruction.IndexPair}: data index, then memory index ({@code memory.init}). */
    DATA_MEMORY,
    /** {@link Instruction.IndexPair}: destination memory, then source memory ({@code memory.copy}). */
    MEMORY_MEMORY,
    /** {@link Instruction.IndexPair}: element index, then table index ({@code table.init}). */
    ELEM_TABLE,
    /** {@link Instruction.IndexPair}: destination table, then source table ({@code table.copy}). */
    TABLE_TABLE,
    /** {@link Instruction.IndexPair}: struct type index, then field index. */
    TYPE_FIELD,
    /** {@link Instruction.IndexPair}: array type index, then element count ({@code array.new_fixed}). */
    TYPE_COUNT,
    /** {@link Instruction.IndexPair}: array type index, then data index. */
    TYPE_DATA,
    /** {@link Instruction.IndexPair}: array type index, then element index. */
    TYPE_ELEM,
    /** {@link Instruction.IndexPair}: destination array type, then source array type ({@code array.copy}). */
    TYPE_TYPE,
    /** {@link Instruction.Memory}. */
    MEMARG,
    /** {@link Instruction.MemoryLane}. */
    MEMARG_LANE,
    /** {@link Instruction.I32Const}. */
    I32,
    /** {@link Instruction.I64Const}. */
    I64,
    /** {@link Instruction.F32Const}. */
    F32,
    /** {@link Instruction.F64Const}. */
    F64,
    /** {@link Instruction.V128Const}. */
    V128,
    /** {@link Instruction.Shuffle}. */
    SHUFFLE,
    /** {@link Instruction.SelectTyped}. */
    SELECT_TYPES,
    /** {@link Instruction.HeapTypeOp}: {@code ref.null}, {@code ref.test}, {@code ref.cast}. */
    HEAP_TYPE,
    /** {@link Instruction.RefTypeOp}: a full reference type (custom-descriptors casts). */
    REF_TYPE,
    /** {@link Instruction.BrOnCast}: cast flags, label, source and target heap types. */
    BR_ON_CAST,
    /** {@link Instruction.TryTable}. */
    TRY_TABLE
}
