/* random: getentropy and random_get fill buffers that are not all zero and differ between calls.
 * (This wasi-libc has no arc4random; getentropy and random_get are what it offers.) */
#include "common.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <wasi/api.h>

static int all_zero(const unsigned char *b, size_t n) {
    for (size_t i = 0; i < n; i++) if (b[i]) return 0;
    return 1;
}

int main(void) {
    unsigned char a[256], b[256];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    report("getentropy 256", getentropy(a, sizeof a));
    report("getentropy 256 again", getentropy(b, sizeof b));
    check("first buffer not all zero", !all_zero(a, sizeof a));
    check("second buffer not all zero", !all_zero(b, sizeof b));
    check("buffers differ", memcmp(a, b, sizeof a) != 0);
    expect_fail("getentropy 257", getentropy(a, 257));
    report("getentropy 0", getentropy(a, 0));

    unsigned char guard[8];
    memset(guard, 0xAA, sizeof guard);
    unsigned char *mid = guard + 2;
    report("getentropy 1", getentropy(mid, 1));
    check("bytes around a 1-byte request untouched", guard[0] == 0xAA && guard[1] == 0xAA && guard[3] == 0xAA);

    enum { BIG = 1 << 20 };
    unsigned char *big = malloc(BIG), *big2 = malloc(BIG);
    memset(big, 0, BIG);
    memset(big2, 0, BIG);
    printf("random_get 1MiB: %s\n", __wasi_random_get(big, BIG) == 0 ? "ok" : "error");
    printf("random_get 1MiB again: %s\n", __wasi_random_get(big2, BIG) == 0 ? "ok" : "error");
    size_t counts[256] = {0};
    for (size_t i = 0; i < BIG; i++) counts[big[i]]++;
    size_t min = BIG, max = 0;
    for (int i = 0; i < 256; i++) {
        if (counts[i] < min) min = counts[i];
        if (counts[i] > max) max = counts[i];
    }
    /* expected 4096 per value; a uniform source is within these bounds with overwhelming probability */
    check("every byte value occurs between 3500 and 4700 times", min >= 3500 && max <= 4700);
    check("1MiB buffers differ", memcmp(big, big2, BIG) != 0);
    size_t same = 0;
    for (size_t i = 0; i < BIG; i++) same += big[i] == big2[i];
    check("about 1/256 of positions coincide", same > 3000 && same < 5300);
    printf("random_get 0 bytes: %s\n", __wasi_random_get(big, 0) == 0 ? "ok" : "error");
    free(big);
    free(big2);
    printf("done\n");
    return 0;
}
