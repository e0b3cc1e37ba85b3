package dev.arabica.format.model;

/** The immediate of a memory access: memory index, alignment exponent (log2 bytes) and static offset. */
public record MemArg(int memory, int alignLog2, long offset) {
}
