/* Integer kernel: 128x128 integer matrix products with wrap-around arithmetic. */
#include "workload.h"

#define N 128
static uint32_t a[N][N], b[N][N], c[N][N];

EXPORT int64_t run(int32_t scale) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            a[i][j] = (uint32_t) (i * 31 + j * 17);
            b[i][j] = (uint32_t) (i ^ (j * 7));
        }
    }
    uint64_t checksum = 0;
    for (int32_t round = 0; round < scale; round++) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                uint32_t sum = 0;
                for (int k = 0; k < N; k++) {
                    sum += a[i][k] * b[k][j];
                }
                c[i][j] = sum;
            }
        }
        for (int i = 0; i < N; i++) {
            checksum = checksum * 31 + c[i][(i + round) % N];
            a[i][round % N] ^= c[i][i];
        }
    }
    return (int64_t) checksum;
}
