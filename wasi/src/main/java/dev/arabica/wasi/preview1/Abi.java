package dev.arabica.wasi.preview1;

/**
 * The two import modules that speak preview1: {@code wasi_snapshot_preview1}, and the older
 * {@code wasi_unstable}, which differs in the filestat and subscription layouts and in the
 * numbering of {@code whence}.
 */
enum Abi {
    PREVIEW1("wasi_snapshot_preview1"),
    UNSTABLE("wasi_unstable");

    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    private final String moduleName;

    Abi(String moduleName) {
        this.moduleName = moduleName;
    }

    String moduleName() {
        return moduleName;
    }

    int filestatSize() {
        return this == UNSTABLE ? 56 : 64;
    }

    int subscriptionSize() {
        return this == UNSTABLE ? 56 : 48;
    }

    /** Where a clock subscription's clock id sits after the subscription's start. */
    int clockIdOffset() {
        return this == UNSTABLE ? 24 : 16;
    }

    /** Maps this ABI's {@code whence} number to preview1's (set 0, cur 1, end 2), or -1 if it is none. */
    int whence(int value) {
        if (this == UNSTABLE) {
            return switch (value) {
                case 0 -> WHENCE_CUR;
                case 1 -> WHENCE_END;
                case 2 -> WHENCE_SET;
                default -> -1;
            };
        }
        return value >= 0 && value <= 2 ? value : -1;
    }
}
