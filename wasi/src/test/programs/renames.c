/* renames: rename files and directories (over existing targets, into subdirectories, error cases)
 * and hard links with st_nlink. */
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

static void show(const char *label, const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) {
        printf("%s: error %s (%s)\n", label, errname(errno), strerror(errno));
        return;
    }
    if (S_ISDIR(st.st_mode)) { printf("%s: directory\n", label); return; }
    if (S_ISLNK(st.st_mode)) {
        char buf[128];
        ssize_t n = readlink(path, buf, sizeof buf);
        printf("%s: symlink -> %.*s\n", label, (int) (n < 0 ? 0 : n), buf);
        return;
    }
    char buf[128];
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
    if (fd >= 0) close(fd);
    while (n > 0 && buf[n - 1] == '\n') n--;
    printf("%s: file \"%.*s\", nlink %lu\n", label, (int) (n < 0 ? 0 : n), buf, (unsigned long) st.st_nlink);
}

static int cmp(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static void list(const char *label, const char *path) {
    char *names[64];
    int n = 0;
    DIR *d = opendir(path);
    if (!d) { printf("list %s: error %s\n", label, errname(errno)); return; }
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t) n, sizeof names[0], cmp);
    printf("list %s:", label);
    for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
    printf("\n");
}

int main(void) {
    printf("== rename a file\n");
    write_file(SB "/a.txt", "A\n");
    report("rename a.txt -> b.txt", rename(SB "/a.txt", SB "/b.txt"));
    show("a.txt", SB "/a.txt");
    show("b.txt", SB "/b.txt");
    report("rename b.txt -> b.txt (same name)", rename(SB "/b.txt", SB "/b.txt"));
    show("b.txt", SB "/b.txt");
    expect_fail("rename missing -> x", rename(SB "/missing", SB "/x"));
    expect_fail("rename b.txt -> nodir/b.txt", rename(SB "/b.txt", SB "/nodir/b.txt"));

    printf("== rename over an existing file\n");
    write_file(SB "/c.txt", "C\n");
    int fd = open(SB "/c.txt", O_RDONLY);
    report("rename b.txt -> c.txt", rename(SB "/b.txt", SB "/c.txt"));
    show("b.txt", SB "/b.txt");
    show("c.txt", SB "/c.txt");
    char buf[8] = {0};
    ssize_t n = read(fd, buf, sizeof buf - 1);
    printf("fd opened before rename still reads old content: %s\n", n == 2 && buf[0] == 'C' ? "ok" : "FAIL");
    close(fd);
    list("sandbox", SB);

    printf("== rename directories\n");
    report("mkdir d1", mkdir(SB "/d1", 0755));
    write_file(SB "/d1/inner.txt", "inner\n");
    report("mkdir d1/deep", mkdir(SB "/d1/deep", 0755));
    write_file(SB "/d1/deep/leaf.txt", "leaf\n");
    report("rename d1 -> d2", rename(SB "/d1", SB "/d2"));
    show("d1", SB "/d1");
    show("d2", SB "/d2");
    show("d2/inner.txt", SB "/d2/inner.txt");
    show("d2/deep/leaf.txt", SB "/d2/deep/leaf.txt");
    report("mkdir empty", mkdir(SB "/empty", 0755));
    report("rename d2 -> empty (empty target directory)", rename(SB "/d2", SB "/empty"));
    show("d2", SB "/d2");
    show("empty/inner.txt", SB "/empty/inner.txt");
    report("mkdir full", mkdir(SB "/full", 0755));
    write_file(SB "/full/x", "x\n");
    expect_fail("rename empty -> full (non-empty target)", rename(SB "/empty", SB "/full"));
    expect_fail("rename empty -> empty/deep/sub (into itself)", rename(SB "/empty", SB "/empty/deep/sub"));
    expect_fail("rename c.txt -> full (file over directory)", rename(SB "/c.txt", SB "/full"));
    expect_fail("rename full -> c.txt (directory over file)", rename(SB "/full", SB "/c.txt"));
    show("c.txt", SB "/c.txt");
    show("full/x", SB "/full/x");

    printf("== rename into and out of subdirectories\n");
    report("rename c.txt -> full/c.txt", rename(SB "/c.txt", SB "/full/c.txt"));
    show("c.txt", SB "/c.txt");
    show("full/c.txt", SB "/full/c.txt");
    report("rename full/c.txt -> empty/deep/c2.txt", rename(SB "/full/c.txt", SB "/empty/deep/c2.txt"));
    report("rename empty/deep -> deep (directory up one level)", rename(SB "/empty/deep", SB "/deep"));
    show("deep/c2.txt", SB "/deep/c2.txt");
    show("deep/leaf.txt", SB "/deep/leaf.txt");
    report("rename deep -> full/deep (directory down)", rename(SB "/deep", SB "/full/deep"));
    list("full", SB "/full");
    list("full/deep", SB "/full/deep");
    int dfd = open(SB "/full", O_RDONLY | O_DIRECTORY);
    report("renameat(full, x, full/deep, y)", renameat(dfd, "x", dfd, "deep/y"));
    close(dfd);
    show("full/deep/y", SB "/full/deep/y");

    printf("== rename symlinks\n");
    report("symlink full <- slink", symlink("full", SB "/slink"));
    report("rename slink -> slink2", rename(SB "/slink", SB "/slink2"));
    show("slink", SB "/slink");
    show("slink2", SB "/slink2");
    show("full", SB "/full");

    printf("== hard links\n");
    write_file(SB "/orig.txt", "original\n");
    show("orig.txt", SB "/orig.txt");
    report("link orig.txt -> hard.txt", link(SB "/orig.txt", SB "/hard.txt"));
    show("orig.txt", SB "/orig.txt");
    show("hard.txt", SB "/hard.txt");
    report("link orig.txt -> full/hard2.txt", link(SB "/orig.txt", SB "/full/hard2.txt"));
    show("orig.txt", SB "/orig.txt");
    struct stat s1, s2;
    stat(SB "/orig.txt", &s1);
    stat(SB "/hard.txt", &s2);
    printf("same dev and inode: %s\n", s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino ? "yes" : "no");
    fd = open(SB "/hard.txt", O_WRONLY | O_TRUNC);
    write(fd, "changed\n", 8);
    close(fd);
    show("orig.txt after writing hard.txt", SB "/orig.txt");
    struct stat s3;
    fd = open(SB "/orig.txt", O_RDONLY);
    fstat(fd, &s3);
    printf("fstat nlink: %lu\n", (unsigned long) s3.st_nlink);
    close(fd);
    expect_fail("link orig.txt -> hard.txt (exists)", link(SB "/orig.txt", SB "/hard.txt"));
    expect_fail("link missing -> m2", link(SB "/missing", SB "/m2"));
    expect_fail("link full -> dirlink (a directory)", link(SB "/full", SB "/dirlink"));
    report("unlink orig.txt", unlink(SB "/orig.txt"));
    show("hard.txt", SB "/hard.txt");
    report("rename hard.txt -> full/hard2.txt (same inode)", rename(SB "/hard.txt", SB "/full/hard2.txt"));
    show("hard.txt", SB "/hard.txt");
    show("full/hard2.txt", SB "/full/hard2.txt");
    report("rename full/hard2.txt -> last.txt", rename(SB "/full/hard2.txt", SB "/last.txt"));
    show("last.txt", SB "/last.txt");
    list("sandbox", SB);
    list("full", SB "/full");
    printf("done\n");
    return 0;
}
