/* malloc-heavy code: binary trees built and freed through malloc, as in the benchmarks game. */
#include <stdlib.h>
#include "workload.h"

typedef struct node { struct node *left, *right; } node;

static node *build(int depth) {
    node *n = malloc(sizeof(node));
    if (depth > 0) {
        n->left = build(depth - 1);
        n->right = build(depth - 1);
    } else {
        n->left = n->right = 0;
    }
    return n;
}

static int32_t check(const node *n) {
    return n->left ? 1 + check(n->left) + check(n->right) : 1;
}

static void release(node *n) {
    if (n->left) {
        release(n->left);
        release(n->right);
    }
    free(n);
}

EXPORT int64_t run(int32_t scale) {
    node *longLived = build(16);
    int64_t total = 0;
    for (int32_t i = 0; i < scale; i++) {
        for (int depth = 4; depth <= 14; depth += 2) {
            node *tree = build(depth);
            total += check(tree);
            release(tree);
        }
    }
    total += check(longLived);
    release(longLived);
    return total;
}
