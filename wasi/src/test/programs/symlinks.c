/* symlinks: symlink, readlink, stat vs lstat, links to directories, dangling links, loops (ELOOP),
 * O_NOFOLLOW, and links that try to leave the sandbox. */
#include "common.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *path, const char *text) {
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0) { printf("create %s: error %s\n", path, errname(errno)); return; }
    write(fd, text, strlen(text));
    close(fd);
}

static const char *kind(mode_t m) {
    if (S_ISLNK(m)) return "symlink";
    if (S_ISDIR(m)) return "directory";
    if (S_ISREG(m)) return "regular file";
    return "other";
}

static void do_stat(const char *label, const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) printf("stat %s: error %s (%s)\n", label, errname(errno), strerror(errno));
    else if (S_ISDIR(st.st_mode)) printf("stat %s: %s\n", label, kind(st.st_mode)); /* directory sizes vary by file system */
    else printf("stat %s: %s, size %lld\n", label, kind(st.st_mode), (long long) st.st_size);
}

static void do_lstat(const char *label, const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) printf("lstat %s: error %s (%s)\n", label, errname(errno), strerror(errno));
    else printf("lstat %s: %s, size %lld\n", label, kind(st.st_mode), (long long) st.st_size);
}

static void do_readlink(const char *label, const char *path) {
    char buf[256];
    ssize_t n = readlink(path, buf, sizeof buf);
    if (n < 0) printf("readlink %s: error %s (%s)\n", label, errname(errno), strerror(errno));
    else printf("readlink %s: %zd \"%.*s\"\n", label, n, (int) n, buf);
}

static void do_read(const char *label, const char *path, int flags) {
    int fd = open(path, O_RDONLY | flags);
    if (fd < 0) { printf("open %s: error %s (%s)\n", label, errname(errno), strerror(errno)); return; }
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    printf("open %s: read \"", label);
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] == '\n') printf("\\n");
        else putchar(buf[i]);
    }
    printf("\"\n");
}

static void do_opendir(const char *label, const char *path) {
    DIR *d = opendir(path);
    if (!d) { printf("opendir %s: error %s (%s)\n", label, errname(errno), strerror(errno)); return; }
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    printf("opendir %s: %d entries\n", label, n);
}

/* An absolute symlink target means nothing inside a sandbox. A host may refuse to create the link
 * (EPERM, as node and wasmtime do, or ENOTCAPABLE) or create it and refuse to follow it (ENOTCAPABLE
 * or EPERM); both print the same verdict line. The link is removed again if it was created. */
static void absolute_link(const char *target, const char *path) {
    const char *verdict;
    char detail[96] = "";
    if (symlink(target, path) < 0) {
        int e = errno;
        verdict = e == EPERM || e == ENOTCAPABLE ? "ok" : "FAIL";
        snprintf(detail, sizeof detail, " (creation failed with %s)", errname(e));
    } else {
        int fd = open(path, O_RDONLY);
        int e = errno;
        if (fd >= 0) {
            close(fd);
            verdict = "FAIL";
            snprintf(detail, sizeof detail, " (opened)");
        } else {
            verdict = e == ENOTCAPABLE || e == EPERM ? "ok" : "FAIL";
            snprintf(detail, sizeof detail, " (open failed with %s)", errname(e));
        }
        unlink(path);
    }
    printf("absolute symlink to %s cannot be followed: %s%s\n", target, verdict,
           verdict[0] == 'o' ? "" : detail);
}

int main(void) {
    printf("== basic symlink\n");
    write_file(SB "/target.txt", "target content\n");
    report("symlink target.txt <- link", symlink("target.txt", SB "/link"));
    do_readlink("link", SB "/link");
    do_stat("link", SB "/link");
    do_lstat("link", SB "/link");
    do_stat("target.txt", SB "/target.txt");
    do_lstat("target.txt", SB "/target.txt");
    do_read("link", SB "/link", 0);
    expect_fail("symlink again (exists)", symlink("other", SB "/link"));
    expect_fail("symlink over a regular file", symlink("x", SB "/target.txt"));
    do_readlink("target.txt (not a link)", SB "/target.txt");
    do_readlink("missing", SB "/missing");

    printf("== writing through a symlink\n");
    int fd = open(SB "/link", O_WRONLY | O_APPEND);
    printf("open link O_APPEND: %s\n", fd >= 0 ? "ok" : errname(errno));
    if (fd >= 0) { write(fd, "more\n", 5); close(fd); }
    do_stat("target.txt", SB "/target.txt");
    do_lstat("link", SB "/link");

    printf("== symlink to a directory\n");
    report("mkdir dir", mkdir(SB "/dir", 0755));
    write_file(SB "/dir/inside.txt", "inside\n");
    report("symlink dir <- dirlink", symlink("dir", SB "/dirlink"));
    do_stat("dirlink", SB "/dirlink");
    do_lstat("dirlink", SB "/dirlink");
    do_read("dirlink/inside.txt", SB "/dirlink/inside.txt", 0);
    do_opendir("dirlink", SB "/dirlink");
    report("symlink ../target.txt <- dir/up", symlink("../target.txt", SB "/dir/up"));
    do_read("dir/up", SB "/dir/up", 0);
    report("symlink dir/inside.txt <- chain1", symlink("dir/inside.txt", SB "/chain1"));
    report("symlink chain1 <- chain2", symlink("chain1", SB "/chain2"));
    do_read("chain2", SB "/chain2", 0);
    absolute_link("/sandbox/target.txt", SB "/abs");

    printf("== dangling symlink\n");
    report("symlink nonexistent <- dangling", symlink("nonexistent", SB "/dangling"));
    do_stat("dangling", SB "/dangling");
    do_lstat("dangling", SB "/dangling");
    do_readlink("dangling", SB "/dangling");
    do_read("dangling", SB "/dangling", 0);

    printf("== loops\n");
    report("symlink loop2 <- loop1", symlink("loop2", SB "/loop1"));
    report("symlink loop1 <- loop2", symlink("loop1", SB "/loop2"));
    report("symlink self <- self", symlink("self", SB "/self"));
    do_read("loop1", SB "/loop1", 0);
    do_stat("loop1", SB "/loop1");
    do_lstat("loop1", SB "/loop1");
    do_read("self", SB "/self", 0);
    do_read("loop1/x", SB "/loop1/x", 0);

    printf("== O_NOFOLLOW\n");
    do_read("link O_NOFOLLOW", SB "/link", O_NOFOLLOW);
    do_read("target.txt O_NOFOLLOW", SB "/target.txt", O_NOFOLLOW);

    printf("== escaping the sandbox\n");
    report("symlink ../.. <- escape", symlink("../..", SB "/escape"));
    do_readlink("escape", SB "/escape");
    do_lstat("escape", SB "/escape");
    do_read("escape (O_DIRECTORY)", SB "/escape", O_DIRECTORY);
    do_stat("escape", SB "/escape");
    do_opendir("escape", SB "/escape");
    do_read("escape/etc/passwd", SB "/escape/etc/passwd", 0);
    absolute_link("/etc/passwd", SB "/abs_out");
    report("symlink ../target.txt <- parent", symlink("../target.txt", SB "/parent"));
    do_read("parent", SB "/parent", 0);
    do_read("/sandbox/..", SB "/..", O_DIRECTORY);
    do_read("/sandbox/dir/../../etc/passwd", SB "/dir/../../etc/passwd", 0);
    do_read("/etc/passwd (no preopen)", "/etc/passwd", 0);

    printf("== readdir sees symlinks\n");
    DIR *d = opendir(SB);
    int links = 0, files = 0, dirs = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (e->d_type == DT_LNK) links++;
        else if (e->d_type == DT_REG) files++;
        else if (e->d_type == DT_DIR) dirs++;
    }
    closedir(d);
    printf("symlinks: %d, files: %d, directories: %d\n", links, files, dirs);

    printf("== unlink a symlink\n");
    report("unlink link", unlink(SB "/link"));
    do_lstat("link", SB "/link");
    do_stat("target.txt", SB "/target.txt");
    report("unlink dirlink", unlink(SB "/dirlink"));
    do_stat("dir", SB "/dir");
    expect_fail("rmdir escape (a symlink)", rmdir(SB "/escape"));
    report("unlink escape", unlink(SB "/escape"));
    report("unlink dangling", unlink(SB "/dangling"));
    report("unlink loop1", unlink(SB "/loop1"));
    printf("done\n");
    return 0;
}
