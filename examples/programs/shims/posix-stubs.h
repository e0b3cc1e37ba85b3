/* Declarations for shims/posix-stubs.c: POSIX functions missing from wasi-libc (2022-05).
 * Force-included (-include) when compiling programs that call them. */
#ifndef ARABICA_POSIX_STUBS_H
#define ARABICA_POSIX_STUBS_H
#include <sys/types.h>
int chmod(const char *path, mode_t mode);
char *realpath(const char *restrict path, char *restrict resolved);
#endif
