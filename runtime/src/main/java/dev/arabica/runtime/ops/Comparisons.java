package dev.arabica.runtime.ops;

/**
 * WebAssembly's comparisons as 0 or 1, for compiled code. A call that the JIT inlines is three
 * bytes of bytecode; the branches that compute the same are ten, with two stack map frames that
 * the compiler writes and the JVM verifies.
 */
public final class Comparisons {

    private Comparisons() {
    }

    public static int eq(int a, int b) {
        return a == b ? 1 : 0;
    }

    public static int ne(int a, int b) {
        return a != b ? 1 : 0;
    }

    public static int lt(int a, int b) {
        return a < b ? 1 : 0;
    }

    public static int gt(int a, int b) {
        return a > b ? 1 : 0;
    }

    public static int le(int a, int b) {
        return a <= b ? 1 : 0;
    }

    public static int ge(int a, int b) {
        return a >= b ? 1 : 0;
    }

    // The tests of a three-way comparison's result (lcmp, fcmpl, Integer.compareUnsigned and the like).

    public static int isZero(int order) {
        return order == 0 ? 1 : 0;
    }

    public static int isNonZero(int order) {
        return order != 0 ? 1 : 0;
    }

    public static int isNegative(int order) {
        return order < 0 ? 1 : 0;
    }

    public static int isPositive(int order) {
        return order > 0 ? 1 : 0;
    }

    public static int isNotPositive(int order) {
        return order <= 0 ? 1 : 0;
    }

    public static int isNotNegative(int order) {
        return order >= 0 ? 1 : 0;
    }

    public static int isNull(Object reference) {
        return reference == null ? 1 : 0;
    }
}
