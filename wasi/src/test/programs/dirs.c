/* dirs: mkdir/rmdir, ENOTEMPTY, readdir listings (sorted before printing, "." and ".." skipped),
 * a 300-entry directory (several fd_readdir calls with a truncated last entry), telldir/seekdir,
 * ".." inside the sandbox, chdir/getcwd and relative paths. */
#include "common.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAXN 400
static char *names[MAXN];
static char types[MAXN];

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static char type_char(unsigned char t) {
    switch (t) {
    case DT_REG: return 'f';
    case DT_DIR: return 'd';
    case DT_LNK: return 'l';
    case DT_UNKNOWN: return '?';
    default: return 'o';
    }
}

/* Lists path into names/types sorted by name; returns the count or -1 (errno set). */
static int list(const char *path) {
    DIR *d = opendir(path);
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (n < MAXN) {
            names[n] = strdup(e->d_name);
            types[n] = type_char(e->d_type);
            n++;
        }
    }
    int err = errno;
    closedir(d);
    /* sort names and types together */
    char *pairs[MAXN];
    for (int i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        pairs[i] = malloc(len + 2);
        memcpy(pairs[i], names[i], len);
        pairs[i][len] = 0;
        pairs[i][len + 1] = types[i];
        free(names[i]);
    }
    qsort(pairs, (size_t) n, sizeof pairs[0], cmp);
    for (int i = 0; i < n; i++) {
        names[i] = pairs[i];
        types[i] = pairs[i][strlen(pairs[i]) + 1];
    }
    if (err) { errno = err; return -1; }
    return n;
}

static void print_list(const char *label, const char *path) {
    int n = list(path);
    if (n < 0) {
        printf("list %s: error %s (%s)\n", label, errname(errno), strerror(errno));
        return;
    }
    printf("list %s: %d entries\n", label, n);
    for (int i = 0; i < n; i++) {
        printf("  %c %s\n", types[i], names[i]);
        free(names[i]);
    }
}

static void touch(const char *path) {
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0) printf("create %s: error %s\n", path, errname(errno));
    else close(fd);
}

static const char *kind(const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) return errname(errno);
    if (S_ISDIR(st.st_mode)) return "directory";
    if (S_ISREG(st.st_mode)) return "regular file";
    return "other";
}

int main(void) {
    char path[256];

    printf("== mkdir\n");
    print_list("empty sandbox", SB);
    report("mkdir d", mkdir(SB "/d", 0755));
    expect_fail("mkdir d again", mkdir(SB "/d", 0755));
    expect_fail("mkdir missing/x", mkdir(SB "/missing/x", 0755));
    printf("stat d: %s\n", kind(SB "/d"));
    touch(SB "/d/f2");
    touch(SB "/d/f1");
    report("mkdir d/sub", mkdir(SB "/d/sub", 0755));
    touch(SB "/d/sub/inner");
    expect_fail("mkdir d/f1 (file exists)", mkdir(SB "/d/f1", 0755));
    expect_fail("mkdir d/f1/x (parent is a file)", mkdir(SB "/d/f1/x", 0755));
    print_list("d", SB "/d");
    print_list("d/sub", SB "/d/sub");

    printf("== errors\n");
    expect_fail("rmdir d (not empty)", rmdir(SB "/d"));
    expect_fail("rmdir d/f1 (a file)", rmdir(SB "/d/f1"));
    expect_fail("rmdir missing", rmdir(SB "/missing"));
    expect_fail("unlink d/sub (a directory)", unlink(SB "/d/sub"));
    errno = 0;
    DIR *dd = opendir(SB "/d/f1");
    printf("opendir d/f1 (a file): %s\n", dd ? "unexpected success" : errname(errno));
    dd = opendir(SB "/nope");
    printf("opendir nope: %s\n", dd ? "unexpected success" : errname(errno));
    printf("stat d/nope: %s\n", kind(SB "/d/nope"));
    printf("stat d/f1/x: %s\n", kind(SB "/d/f1/x"));

    printf("== dot and dot-dot inside the sandbox\n");
    printf("stat d/./f1: %s\n", kind(SB "/d/./f1"));
    printf("stat d/sub/../f2: %s\n", kind(SB "/d/sub/../f2"));
    printf("stat d/sub/..: %s\n", kind(SB "/d/sub/.."));
    printf("stat d//sub///inner: %s\n", kind(SB "/d//sub///inner"));
    int fd = open(SB "/d/sub/../sub/inner", O_RDONLY);
    printf("open d/sub/../sub/inner: %s\n", fd >= 0 ? "ok" : errname(errno));
    if (fd >= 0) close(fd);
    report("mkdir d/sub/../made", mkdir(SB "/d/sub/../made", 0755));
    printf("stat d/made: %s\n", kind(SB "/d/made"));

    printf("== openat relative to a directory fd\n");
    int dfd = report("open d O_DIRECTORY", open(SB "/d", O_RDONLY | O_DIRECTORY));
    fd = openat(dfd, "sub/inner", O_RDONLY);
    printf("openat(d, sub/inner): %s\n", fd >= 0 ? "ok" : errname(errno));
    if (fd >= 0) close(fd);
    report("mkdirat(d, at)", mkdirat(dfd, "at", 0755));
    struct stat st;
    report("fstatat(d, at)", fstatat(dfd, "at", &st, 0));
    printf("at is directory: %s\n", S_ISDIR(st.st_mode) ? "yes" : "no");
    report("unlinkat(d, at, AT_REMOVEDIR)", unlinkat(dfd, "at", AT_REMOVEDIR));
    report("unlinkat(d, made, AT_REMOVEDIR)", unlinkat(dfd, "made", AT_REMOVEDIR));
    report("fstat d", fstat(dfd, &st));
    printf("fstat d is directory: %s\n", S_ISDIR(st.st_mode) ? "yes" : "no");
    close(dfd);

    printf("== removing\n");
    report("unlink d/sub/inner", unlink(SB "/d/sub/inner"));
    print_list("d/sub", SB "/d/sub");
    report("rmdir d/sub", rmdir(SB "/d/sub"));
    report("unlink d/f1", unlink(SB "/d/f1"));
    report("unlink d/f2", unlink(SB "/d/f2"));
    print_list("d", SB "/d");
    report("rmdir d", rmdir(SB "/d"));
    printf("stat d: %s\n", kind(SB "/d"));

    printf("== 300 entries\n");
    report("mkdir big", mkdir(SB "/big", 0755));
    for (int i = 0; i < 300; i++) {
        snprintf(path, sizeof path, SB "/big/entry-with-a-fairly-long-name-%03d", i);
        if (i % 50 == 49) mkdir(path, 0755);
        else touch(path);
    }
    int n = list(SB "/big");
    printf("listed: %d\n", n);
    int ok = n == 300, files = 0, dirs = 0;
    for (int i = 0; i < n; i++) {
        char want[64];
        snprintf(want, sizeof want, "entry-with-a-fairly-long-name-%03d", i);
        if (strcmp(names[i], want) != 0) ok = 0;
        if (types[i] == 'f') files++;
        if (types[i] == 'd') dirs++;
    }
    check("every entry exactly once", ok);
    printf("files: %d, directories: %d\n", files, dirs);
    for (int i = 0; i < n; i++) {
        if (i < 3 || i >= n - 3) printf("  %c %s\n", types[i], names[i]);
        free(names[i]);
    }

    /* rewinddir and telldir/seekdir */
    DIR *d = opendir(SB "/big");
    int first = 0, second = 0, third = 0;
    long mark = -1;
    char marked[64] = "";
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) first++;
        if (first == 150 && mark < 0) mark = telldir(d);
    }
    rewinddir(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) second++;
    seekdir(d, mark);
    e = readdir(d);
    if (e) snprintf(marked, sizeof marked, "%s", e->d_name);
    while (e != NULL) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) third++;
        e = readdir(d);
    }
    closedir(d);
    printf("first pass: %d, after rewinddir: %d\n", first, second);
    check("seekdir to telldir mark resumes after 150 entries", third == 150);

    for (int i = 0; i < 300; i++) {
        snprintf(path, sizeof path, SB "/big/entry-with-a-fairly-long-name-%03d", i);
        if (i % 50 == 49) rmdir(path);
        else unlink(path);
    }
    print_list("big after deleting all", SB "/big");
    report("rmdir big", rmdir(SB "/big"));

    printf("== chdir and relative paths\n");
    report("mkdir w", mkdir(SB "/w", 0755));
    report("chdir /sandbox/w", chdir(SB "/w"));
    char cwd[256];
    printf("getcwd: %s\n", getcwd(cwd, sizeof cwd) ? cwd : errname(errno));
    report("mkdir rel (relative)", mkdir("rel", 0755));
    touch("rel/file");
    printf("stat /sandbox/w/rel/file: %s\n", kind(SB "/w/rel/file"));
    report("chdir rel", chdir("rel"));
    printf("getcwd: %s\n", getcwd(cwd, sizeof cwd) ? cwd : errname(errno));
    printf("stat ../rel/file: %s\n", kind("../rel/file"));
    report("chdir ..", chdir(".."));
    printf("getcwd: %s\n", getcwd(cwd, sizeof cwd) ? cwd : errname(errno));
    print_list(".", ".");
    expect_fail("chdir missing", chdir("missing"));
    report("unlink rel/file", unlink("rel/file"));
    report("rmdir rel", rmdir("rel"));
    report("chdir /sandbox", chdir(SB));
    report("rmdir w", rmdir("w"));
    print_list("sandbox at end", SB);
    printf("done\n");
    return 0;
}
