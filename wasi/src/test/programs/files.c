/* files: create, write, read, O_EXCL, O_TRUNC, O_APPEND, ftruncate, pread/pwrite, readv/writev, unlink. */
#include "common.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static long file_size(const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) return -1;
    return (long) st.st_size;
}

/* Reads the whole file into buf (NUL-terminated); returns the byte count or -1. */
static long slurp(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r < 0) { close(fd); return -1; }
        if (r == 0) break;
        n += (size_t) r;
    }
    buf[n] = 0;
    close(fd);
    return (long) n;
}

static void show(const char *label, const char *s, long n) {
    printf("%s: %ld bytes \"", label, n);
    for (long i = 0; i < n; i++) {
        unsigned char c = (unsigned char) s[i];
        if (c == '\n') printf("\\n");
        else if (c == 0) printf("\\0");
        else if (c < 32 || c > 126) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\"\n");
}

int main(void) {
    char buf[256];
    long n;

    printf("== create and write\n");
    int fd = report("open a.txt O_CREAT|O_WRONLY", open(SB "/a.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644));
    printf("write: %ld\n", (long) write(fd, "hello, world\n", 13));
    struct stat st;
    report("fstat", fstat(fd, &st));
    printf("fstat size: %ld, regular: %s\n", (long) st.st_size, S_ISREG(st.st_mode) ? "yes" : "no");
    report("fsync", fsync(fd));
    report("fdatasync", fdatasync(fd));
    report("close", close(fd));
    printf("stat size: %ld\n", file_size(SB "/a.txt"));
    expect_fail("close again", close(fd));

    printf("== read\n");
    fd = report("open a.txt O_RDONLY", open(SB "/a.txt", O_RDONLY));
    n = read(fd, buf, 5);
    show("read 5", buf, n);
    n = read(fd, buf, sizeof buf);
    show("read rest", buf, n);
    printf("read at eof: %ld\n", (long) read(fd, buf, sizeof buf));
    expect_fail("write to O_RDONLY fd", write(fd, "x", 1));
    close(fd);

    printf("== O_EXCL\n");
    expect_fail("open a.txt O_CREAT|O_EXCL", open(SB "/a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    fd = report("open b.txt O_CREAT|O_EXCL", open(SB "/b.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    close(fd);
    printf("b.txt size: %ld\n", file_size(SB "/b.txt"));
    expect_fail("open missing.txt O_RDONLY", open(SB "/missing.txt", O_RDONLY));
    expect_fail("open nodir/x.txt O_CREAT", open(SB "/nodir/x.txt", O_CREAT | O_WRONLY, 0644));
    expect_fail("open a.txt/x O_RDONLY", open(SB "/a.txt/x", O_RDONLY));
    expect_fail("open a.txt O_DIRECTORY", open(SB "/a.txt", O_RDONLY | O_DIRECTORY));
    expect_fail("open /sandbox O_WRONLY", open(SB, O_WRONLY));

    printf("== O_TRUNC\n");
    fd = report("open a.txt O_WRONLY|O_TRUNC", open(SB "/a.txt", O_WRONLY | O_TRUNC));
    printf("size after O_TRUNC: %ld\n", file_size(SB "/a.txt"));
    printf("write: %ld\n", (long) write(fd, "first\n", 6));
    close(fd);

    printf("== O_APPEND\n");
    fd = report("open a.txt O_WRONLY|O_APPEND", open(SB "/a.txt", O_WRONLY | O_APPEND));
    printf("write: %ld\n", (long) write(fd, "second\n", 7));
    printf("lseek to 0: %ld\n", (long) lseek(fd, 0, SEEK_SET));
    printf("write: %ld\n", (long) write(fd, "third\n", 6));
    printf("offset after append: %ld\n", (long) lseek(fd, 0, SEEK_CUR));
    int fl = fcntl(fd, F_GETFL);
    printf("fcntl F_GETFL has O_APPEND: %s\n", (fl >= 0 && (fl & O_APPEND)) ? "yes" : "no");
    close(fd);
    n = slurp(SB "/a.txt", buf, sizeof buf);
    show("content", buf, n);

    printf("== ftruncate\n");
    fd = report("open a.txt O_RDWR", open(SB "/a.txt", O_RDWR));
    report("ftruncate 32", ftruncate(fd, 32));
    printf("size: %ld\n", file_size(SB "/a.txt"));
    n = read(fd, buf, sizeof buf);
    show("read after grow", buf, n);
    int zeros = 1;
    for (long i = 19; i < n; i++) if (buf[i] != 0) zeros = 0;
    check("grown tail is zeros", n == 32 && zeros);
    report("ftruncate 5", ftruncate(fd, 5));
    printf("size: %ld\n", file_size(SB "/a.txt"));
    printf("offset unchanged by ftruncate: %ld\n", (long) lseek(fd, 0, SEEK_CUR));
    expect_fail("ftruncate -1", ftruncate(fd, -1));
    report("truncate path 3", truncate(SB "/a.txt", 3));
    printf("size: %ld\n", file_size(SB "/a.txt"));
    report("truncate path 5", truncate(SB "/a.txt", 5));

    printf("== pread/pwrite\n");
    lseek(fd, 0, SEEK_SET);
    n = read(fd, buf, sizeof buf);
    show("content", buf, n);
    lseek(fd, 2, SEEK_SET);
    printf("pwrite XY at 1: %ld\n", (long) pwrite(fd, "XY", 2, 1));
    printf("offset after pwrite: %ld\n", (long) lseek(fd, 0, SEEK_CUR));
    n = pread(fd, buf, 3, 2);
    show("pread 3 at 2", buf, n);
    printf("offset after pread: %ld\n", (long) lseek(fd, 0, SEEK_CUR));
    printf("pread past end: %ld\n", (long) pread(fd, buf, 4, 100));
    printf("pwrite at 8: %ld\n", (long) pwrite(fd, "Z", 1, 8));
    printf("size: %ld\n", file_size(SB "/a.txt"));
    n = pread(fd, buf, sizeof buf, 0);
    show("pread all", buf, n);
    expect_fail("pread negative offset", pread(fd, buf, 1, -1));
    close(fd);

    printf("== readv/writev\n");
    fd = report("open v.txt", open(SB "/v.txt", O_CREAT | O_RDWR | O_TRUNC, 0644));
    struct iovec wv[3] = {{"abc", 3}, {"", 0}, {"defgh", 5}};
    printf("writev: %ld\n", (long) writev(fd, wv, 3));
    lseek(fd, 0, SEEK_SET);
    char p1[2], p2[4], p3[10];
    struct iovec rv[3] = {{p1, 2}, {p2, 4}, {p3, 10}};
    n = readv(fd, rv, 3);
    printf("readv: %ld\n", n);
    show("iov0", p1, 2);
    show("iov1", p2, 4);
    show("iov2", p3, n > 6 ? n - 6 : 0);
    close(fd);

    printf("== large file\n");
    enum { BIG = 200000 };
    unsigned char *big = malloc(BIG), *back = malloc(BIG);
    for (int i = 0; i < BIG; i++) big[i] = (unsigned char) (i * 7 + i / 251);
    fd = report("open big.bin", open(SB "/big.bin", O_CREAT | O_WRONLY | O_TRUNC, 0644));
    long written = 0;
    while (written < BIG) {
        long chunk = BIG - written < 65536 ? BIG - written : 65536;
        ssize_t w = write(fd, big + written, (size_t) chunk);
        if (w <= 0) break;
        written += w;
    }
    printf("written: %ld\n", written);
    close(fd);
    printf("size: %ld\n", file_size(SB "/big.bin"));
    fd = open(SB "/big.bin", O_RDONLY);
    long got = 0;
    int reads = 0;
    for (;;) {
        size_t want = (size_t) (1000 + (reads * 7919) % 30000);
        if (want > (size_t) (BIG - got)) want = (size_t) (BIG - got);
        if (want == 0) want = 1;
        ssize_t r = read(fd, back + got, want);
        if (r <= 0) break;
        got += r;
        reads++;
    }
    close(fd);
    printf("read back: %ld\n", got);
    check("content matches", got == BIG && memcmp(big, back, BIG) == 0);
    FILE *f = fopen(SB "/big.bin", "rb");
    unsigned long sum = 0;
    int c;
    while ((c = fgetc(f)) != EOF) sum = sum * 31 + (unsigned) c;
    fclose(f);
    printf("stdio checksum: %lu\n", sum & 0xffffffffUL);
    free(big);
    free(back);

    printf("== unlink\n");
    report("unlink b.txt", unlink(SB "/b.txt"));
    expect_fail("stat b.txt", file_size(SB "/b.txt"));
    expect_fail("unlink b.txt again", unlink(SB "/b.txt"));
    fd = open(SB "/a.txt", O_RDONLY);
    report("unlink a.txt while open", unlink(SB "/a.txt"));
    n = read(fd, buf, sizeof buf);
    show("read from unlinked file", buf, n);
    close(fd);
    expect_fail("open a.txt", open(SB "/a.txt", O_RDONLY));
    report("unlink v.txt", unlink(SB "/v.txt"));
    report("unlink big.bin", unlink(SB "/big.bin"));
    printf("done\n");
    return 0;
}
