/* Memory-heavy loop: the sieve of Eratosthenes over a 4 MiB byte array, repeated. */
#include "workload.h"

#define LIMIT (4 * 1024 * 1024)
static uint8_t composite[LIMIT];

EXPORT int64_t run(int32_t scale) {
    int64_t total = 0;
    for (int32_t round = 0; round < scale; round++) {
        for (int32_t i = 0; i < LIMIT; i++) {
            composite[i] = 0;
        }
        int32_t count = 0;
        for (int32_t i = 2; i < LIMIT; i++) {
            if (!composite[i]) {
                count++;
                for (int64_t j = (int64_t) i * i; j < LIMIT; j += i) {
                    composite[j] = 1;
                }
            }
        }
        total += count;
    }
    return total;
}
