package dev.arabica.format.model;

/**
 * A memory type: limits in pages, whether it is shared between threads, and the page size as a
 * power of two (16 for the standard 64 KiB page; custom-page-sizes allows 0).
 */
public record MemoryType(Limits limits, boolean shared, int pageSizeLog2) {

    public static final int DEFAULT_PAGE_SIZE_LOG2 = 16;

    public static MemoryType of(Limits limits) {
        return new MemoryType(limits, false, DEFAULT_PAGE_SIZE_LOG2);
    }
}
