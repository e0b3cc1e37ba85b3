/* POSIX/C functions that SQLite's shell, QuickJS and Lua call but wasi-libc (2022-05) lacks.
 * WASI preview1 has no permission bits and no way to resolve a path against the
 * process's "real" root, so these are deliberately minimal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "posix-stubs.h"

/* chmod: WASI files have no mode bits; succeed if the path exists. */
int chmod(const char *path, mode_t mode) {
  struct stat st;
  (void)mode;
  return stat(path, &st);
}

/* realpath: only absolute paths (as seen by the guest) can be "resolved";
 * the path is returned as given. Relative paths fail with ENOSYS. */
char *realpath(const char *restrict path, char *restrict resolved) {
  struct stat st;
  if (path == 0) { errno = EINVAL; return 0; }
  if (path[0] != '/') { errno = ENOSYS; return 0; }
  if (stat(path, &st) != 0) return 0;
  if (resolved == 0) return strdup(path);
  strncpy(resolved, path, 4095);
  resolved[4095] = 0;
  return resolved;
}

/* system: there is no shell. system(NULL) reports "no command processor". */
int system(const char *command) {
  if (command == 0) return 0;
  errno = ENOSYS;
  return -1;
}

/* tmpfile: WASI has no temporary directory. */
FILE *tmpfile(void) {
  errno = ENOSYS;
  return 0;
}
