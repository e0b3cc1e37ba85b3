/* Every workload exports one entry point: run(scale) does an amount of work proportional to scale
   and returns a checksum, so that engines can be compared on equal work and checked for agreement. */
#ifndef WORKLOAD_H
#define WORKLOAD_H
#include <stdint.h>
#ifdef __wasm__
#define EXPORT __attribute__((export_name("run")))
#else
#define EXPORT
#endif
EXPORT int64_t run(int32_t scale);
#endif
