package dev.arabica.runtime;

/**
 * What one store may hold, as Wasmtime's {@code StoreLimits}: bytes of linear memory and table
 * elements across all its instances, and how many instances, tables and memories it may create.
 * Instantiation that would pass a count limit, or create memories or tables past a size limit,
 * fails with a {@link LinkException}. A grow past a size limit returns -1 as the specification
 * says, or, with {@code trapOnGrowFailure}, traps with "store limit exceeded" so that a guest
 * that ignores the -1 stops where it hit the limit.
 */
public record StoreLimits(long memoryBytes, long tableElements, int instances, int tables, int memories,
        boolean trapOnGrowFailure) {

    public static final StoreLimits NONE = new StoreLimits(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, false);

    public StoreLimits {
        if (memoryBytes < 0 || tableElements < 0 || instances < 0 || tables < 0 || memories < 0) {
            throw new IllegalArgumentException("store limits must not be negative");
        }
    }

    public StoreLimits withMemoryBytes(long bytes) {
        return new StoreLimits(bytes, tableElements, instances, tables, memories, trapOnGrowFailure);
    }

    public StoreLimits withTableElements(long elements) {
        return new StoreLimits(memoryBytes, elements, instances, tables, memories, trapOnGrowFailure);
    }

    public StoreLimits withInstances(int count) {
        return new StoreLimits(memoryBytes, tableElements, count, tables, memories, trapOnGrowFailure);
    }

    public StoreLimits withTables(int count) {
        return new StoreLimits(memoryBytes, tableElements, instances, count, memories, trapOnGrowFailure);
    }

    public StoreLimits withMemories(int count) {
        return new StoreLimits(memoryBytes, tableElements, instances, tables, count, trapOnGrowFailure);
    }

    public StoreLimits withTrapOnGrowFailure(boolean trap) {
        return new StoreLimits(memoryBytes, tableElements, instances, tables, memories, trap);
    }
}
