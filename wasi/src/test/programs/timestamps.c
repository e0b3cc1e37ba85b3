/* timestamps: utimensat/futimens with explicit times, UTIME_OMIT, UTIME_NOW, directories, symlinks
 * (AT_SYMLINK_NOFOLLOW), and writes updating mtime. Prints the values it set, never the current time.
 *
 * The Debian wasi-libc (git 2022-05-10) miscompiles utimensat/futimens when UTIME_NOW or UTIME_OMIT is
 * used (it passes fst_flags ATIM|MTIM with zero times, or fails with EINVAL; fixed upstream in wasi-libc
 * commit 225b285a). So the UTIME_NOW/UTIME_OMIT cases below call fd_filestat_set_times and
 * path_filestat_set_times directly with the fst_flags a fixed libc would pass. */
#include "common.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

/* What a correct libc passes for one timespec: the flag bits and the timestamp. */
static __wasi_fstflags_t ts_flags(const struct timespec *t, __wasi_fstflags_t set, __wasi_fstflags_t now,
                                  __wasi_timestamp_t *out) {
    *out = 0;
    if (t->tv_nsec == UTIME_NOW) return now;
    if (t->tv_nsec == UTIME_OMIT) return 0;
    *out = (__wasi_timestamp_t) t->tv_sec * 1000000000ull + (__wasi_timestamp_t) t->tv_nsec;
    return set;
}

static int fix_errno(__wasi_errno_t e) {
    if (e == 0) return 0;
    errno = e;
    return -1;
}

/* futimens(fd, ts) done directly with fd_filestat_set_times. */
static int wasi_futimens(int fd, const struct timespec ts[2]) {
    __wasi_timestamp_t a, m;
    __wasi_fstflags_t f = ts_flags(&ts[0], __WASI_FSTFLAGS_ATIM, __WASI_FSTFLAGS_ATIM_NOW, &a)
                        | ts_flags(&ts[1], __WASI_FSTFLAGS_MTIM, __WASI_FSTFLAGS_MTIM_NOW, &m);
    return fix_errno(__wasi_fd_filestat_set_times(fd, a, m, f));
}

/* utimensat(dirfd, name, ts, 0) done directly with path_filestat_set_times (symlinks followed);
 * ts == NULL means both "now". */
static int wasi_utimensat(int dirfd, const char *name, const struct timespec *ts) {
    __wasi_timestamp_t a = 0, m = 0;
    __wasi_fstflags_t f = __WASI_FSTFLAGS_ATIM_NOW | __WASI_FSTFLAGS_MTIM_NOW;
    if (ts)
        f = ts_flags(&ts[0], __WASI_FSTFLAGS_ATIM, __WASI_FSTFLAGS_ATIM_NOW, &a)
          | ts_flags(&ts[1], __WASI_FSTFLAGS_MTIM, __WASI_FSTFLAGS_MTIM_NOW, &m);
    return fix_errno(__wasi_path_filestat_set_times(dirfd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, name, a, m, f));
}

static void show(const char *label, const char *path, int follow) {
    struct stat st;
    int rc = follow ? stat(path, &st) : lstat(path, &st);
    if (rc < 0) {
        printf("%s: error %s (%s)\n", label, errname(errno), strerror(errno));
        return;
    }
    printf("%s: atime %lld.%09ld mtime %lld.%09ld\n", label,
           (long long) st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static void set(const char *label, const char *path, time_t a, long an, time_t m, long mn, int flags) {
    struct timespec ts[2] = {{a, an}, {m, mn}};
    report(label, utimensat(AT_FDCWD, path, ts, flags));
}

int main(void) {
    int fd = open(SB "/f.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, "data\n", 5);
    close(fd);

    printf("== utimensat\n");
    set("utimensat f.txt 1000000000 / 1234567890", SB "/f.txt", 1000000000, 0, 1234567890, 0, 0);
    show("f.txt", SB "/f.txt", 1);
    set("utimensat f.txt 1300000000.5 / 1400000000.25", SB "/f.txt", 1300000000, 500000000, 1400000000, 250000000, 0);
    show("f.txt", SB "/f.txt", 1);
    set("utimensat f.txt 0 / 86400", SB "/f.txt", 0, 0, 86400, 0, 0);
    show("f.txt", SB "/f.txt", 1);
    set("utimensat f.txt 4102444800 / 4102444801 (year 2100)", SB "/f.txt", 4102444800LL, 0, 4102444801LL, 0, 0);
    show("f.txt", SB "/f.txt", 1);

    printf("== UTIME_OMIT (path_filestat_set_times relative to an open /sandbox)\n");
    int sb = open(SB, O_RDONLY | O_DIRECTORY);
    struct timespec o1[2] = {{1500000000, 0}, {0, UTIME_OMIT}};
    report("atime 1500000000, mtime UTIME_OMIT", wasi_utimensat(sb, "f.txt", o1));
    show("f.txt", SB "/f.txt", 1);
    struct timespec o2[2] = {{0, UTIME_OMIT}, {1600000000, 0}};
    report("atime UTIME_OMIT, mtime 1600000000", wasi_utimensat(sb, "f.txt", o2));
    show("f.txt", SB "/f.txt", 1);
    struct timespec o3[2] = {{0, UTIME_OMIT}, {0, UTIME_OMIT}};
    report("both UTIME_OMIT", wasi_utimensat(sb, "f.txt", o3));
    show("f.txt", SB "/f.txt", 1);

    printf("== futimens\n");
    fd = open(SB "/f.txt", O_RDWR);
    struct timespec ts[2] = {{1111111111, 0}, {1222222222, 0}};
    report("futimens 1111111111 / 1222222222", futimens(fd, ts));
    struct stat st;
    fstat(fd, &st);
    printf("fstat: atime %lld mtime %lld\n", (long long) st.st_atim.tv_sec, (long long) st.st_mtim.tv_sec);
    show("f.txt", SB "/f.txt", 1);
    struct timespec omit_m[2] = {{1333333333, 0}, {0, UTIME_OMIT}};
    report("fd_filestat_set_times atime 1333333333, mtime UTIME_OMIT", wasi_futimens(fd, omit_m));
    show("f.txt", SB "/f.txt", 1);

    printf("== UTIME_NOW\n");
    struct timespec before, after;
    clock_gettime(CLOCK_REALTIME, &before);
    struct timespec now_m[2] = {{0, UTIME_OMIT}, {0, UTIME_NOW}};
    report("fd_filestat_set_times atime UTIME_OMIT, mtime UTIME_NOW", wasi_futimens(fd, now_m));
    clock_gettime(CLOCK_REALTIME, &after);
    fstat(fd, &st);
    printf("atime kept: %lld\n", (long long) st.st_atim.tv_sec);
    check("mtime is now", st.st_mtim.tv_sec >= before.tv_sec - 2 && st.st_mtim.tv_sec <= after.tv_sec + 2);
    report("path_filestat_set_times both now", wasi_utimensat(sb, "f.txt", NULL));
    clock_gettime(CLOCK_REALTIME, &after);
    stat(SB "/f.txt", &st);
    check("atime is now", st.st_atim.tv_sec >= before.tv_sec - 2 && st.st_atim.tv_sec <= after.tv_sec + 2);
    check("mtime is now", st.st_mtim.tv_sec >= before.tv_sec - 2 && st.st_mtim.tv_sec <= after.tv_sec + 2);

    printf("== writes update mtime\n");
    struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
    futimens(fd, old);
    clock_gettime(CLOCK_REALTIME, &before);
    write(fd, "more", 4);
    fstat(fd, &st);
    check("mtime advanced after write", st.st_mtim.tv_sec >= before.tv_sec - 2);
    futimens(fd, old);
    ftruncate(fd, 1);
    fstat(fd, &st);
    check("mtime advanced after ftruncate", st.st_mtim.tv_sec >= before.tv_sec - 2);
    close(fd);

    printf("== directories\n");
    report("mkdir d", mkdir(SB "/d", 0755));
    set("utimensat d 1010101010 / 1020202020", SB "/d", 1010101010, 0, 1020202020, 0, 0);
    show("d", SB "/d", 1);
    int dfd = open(SB "/d", O_RDONLY | O_DIRECTORY);
    struct timespec dts[2] = {{1030303030, 0}, {1040404040, 0}};
    report("futimens on directory fd 1030303030 / 1040404040", futimens(dfd, dts));
    close(dfd);
    show("d", SB "/d", 1);
    set("utimensat d 1050505050 / 1060606060", SB "/d", 1050505050, 0, 1060606060, 0, 0);
    fd = open(SB "/d/new", O_CREAT | O_WRONLY, 0644);
    close(fd);
    stat(SB "/d", &st);
    check("directory mtime changed by creating an entry", st.st_mtim.tv_sec != 1060606060);

    printf("== symlinks\n");
    report("symlink f.txt <- link", symlink("f.txt", SB "/link"));
    set("utimensat link (follow) 1100000000 / 1200000000", SB "/link", 1100000000, 0, 1200000000, 0, 0);
    show("f.txt", SB "/f.txt", 1);
    show("stat link", SB "/link", 1);
    set("utimensat link AT_SYMLINK_NOFOLLOW 1700000000 / 1800000000", SB "/link", 1700000000, 0, 1800000000, 0,
        AT_SYMLINK_NOFOLLOW);
    show("lstat link", SB "/link", 0);
    show("f.txt", SB "/f.txt", 1);

    close(sb);

    printf("== errors\n");
    struct timespec any[2] = {{1, 0}, {2, 0}};
    expect_fail("utimensat missing", utimensat(AT_FDCWD, SB "/missing", any, 0));
    struct timespec bad[2] = {{1, 1000000000}, {2, 0}};
    expect_fail("utimensat tv_nsec 1000000000", utimensat(AT_FDCWD, SB "/f.txt", bad, 0));
    expect_fail("futimens closed fd", futimens(99, any));
    show("f.txt unchanged", SB "/f.txt", 1);
    printf("done\n");
    return 0;
}
