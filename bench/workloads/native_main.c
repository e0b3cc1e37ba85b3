/* Runs a workload natively: prints its checksum and the seconds its run took. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "workload.h"

int main(int argc, char **argv) {
    int32_t scale = argc > 1 ? atoi(argv[1]) : 1;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int64_t checksum = run(scale);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%lld %.6f\n", (long long) checksum, (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    return 0;
}
