/* Recursive calls: naive Fibonacci, repeated. */
#include "workload.h"

static int32_t fib(int32_t n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

EXPORT int64_t run(int32_t scale) {
    int64_t sum = 0;
    for (int32_t i = 0; i < scale; i++) {
        sum += fib(25 + (i & 1));
    }
    return sum;
}
