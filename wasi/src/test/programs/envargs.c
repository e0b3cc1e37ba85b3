/* envargs: argc/argv, getenv of variables given by the manifest, and the whole environment sorted. */
#include "common.h"

#include <stdlib.h>

extern char **environ;

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static void show_env(const char *name) {
    const char *v = getenv(name);
    if (v) printf("getenv %s: \"%s\" (%zu bytes)\n", name, v, strlen(v));
    else printf("getenv %s: (not set)\n", name);
}

int main(int argc, char **argv) {
    printf("argc: %d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]: \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is NULL: %s\n", argv[argc] == NULL ? "yes" : "no");

    show_env("GREETING");
    show_env("EMPTY");
    show_env("WITH_EQUALS");
    show_env("UNICODE");
    show_env("HOME");
    show_env("PATH");

    int n = 0;
    while (environ && environ[n]) n++;
    printf("environ: %d entries\n", n);
    char **copy = malloc(sizeof(char *) * (size_t) (n + 1));
    for (int i = 0; i < n; i++) copy[i] = environ[i];
    qsort(copy, (size_t) n, sizeof copy[0], cmp);
    for (int i = 0; i < n; i++) printf("  %s\n", copy[i]);
    free(copy);

    printf("setenv ADDED=1: %s\n", setenv("ADDED", "1", 1) == 0 ? "ok" : "fail");
    show_env("ADDED");
    printf("unsetenv GREETING: %s\n", unsetenv("GREETING") == 0 ? "ok" : "fail");
    show_env("GREETING");
    return 0;
}
