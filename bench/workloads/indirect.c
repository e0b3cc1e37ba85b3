/* call_indirect-heavy code: a pipeline of small functions chosen through a table of pointers. */
#include "workload.h"

typedef uint32_t (*stage)(uint32_t);

static uint32_t rotate(uint32_t x) { return (x << 7) | (x >> 25); }
static uint32_t mix(uint32_t x) { return x * 0x9E3779B1u; }
static uint32_t fold(uint32_t x) { return x ^ (x >> 15); }
static uint32_t bump(uint32_t x) { return x + 0x7F4A7C15u; }
static uint32_t flip(uint32_t x) { return ~x; }
static uint32_t halve(uint32_t x) { return (x >> 1) | (x << 31); }
static uint32_t twist(uint32_t x) { return x ^ (x << 13); }
static uint32_t grind(uint32_t x) { return x * 5 + 0x6B43A9B5u; }

static stage stages[8] = {rotate, mix, fold, bump, flip, halve, twist, grind};

/* The optimiser must not see which stage runs: the choice depends on the value flowing through. */
static volatile uint32_t seed = 12345;

EXPORT int64_t run(int32_t scale) {
    uint32_t x = seed;
    for (int32_t i = 0; i < scale * 1000000; i++) {
        x = stages[(x >> 5) & 7](x);
        x = stages[i & 7](x);
    }
    return x;
}
