/* Shared helpers for the WASI test programs: errno names and perror-style reporting.
 * Every program writes its files under the preopened directory /sandbox. */
#ifndef ARABICA_WASI_TEST_COMMON_H
#define ARABICA_WASI_TEST_COMMON_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define SB "/sandbox"

static const char *errname(int e) {
    switch (e) {
    case 0: return "0";
    case E2BIG: return "E2BIG";
    case EACCES: return "EACCES";
    case EAGAIN: return "EAGAIN";
    case EBADF: return "EBADF";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case EFAULT: return "EFAULT";
    case EFBIG: return "EFBIG";
    case EINTR: return "EINTR";
    case EINVAL: return "EINVAL";
    case EIO: return "EIO";
    case EISDIR: return "EISDIR";
    case ELOOP: return "ELOOP";
    case EMFILE: return "EMFILE";
    case EMLINK: return "EMLINK";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENFILE: return "ENFILE";
    case ENOENT: return "ENOENT";
    case ENOMEM: return "ENOMEM";
    case ENOSPC: return "ENOSPC";
    case ENOSYS: return "ENOSYS";
    case ENOTDIR: return "ENOTDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ENOTSUP: return "ENOTSUP";
    case ENOTTY: return "ENOTTY";
    case ENXIO: return "ENXIO";
    case EOVERFLOW: return "EOVERFLOW";
    case EPERM: return "EPERM";
    case EPIPE: return "EPIPE";
    case ERANGE: return "ERANGE";
    case EROFS: return "EROFS";
    case ESPIPE: return "ESPIPE";
    case ETXTBSY: return "ETXTBSY";
    case EXDEV: return "EXDEV";
    case ENOTCAPABLE: return "ENOTCAPABLE";
    default: return "E?";
    }
}

/* "label: ok" when rc >= 0, else "label: error ENAME (strerror text)". */
static int report(const char *label, long rc) {
    if (rc < 0) {
        int e = errno;
        printf("%s: error %s (%s)\n", label, errname(e), strerror(e));
        errno = e;
    } else {
        printf("%s: ok\n", label);
    }
    return (int) rc;
}

/* Prints "label: error ENAME (text)" for a call that is expected to fail; a success is shown as "label: unexpected success". */
static void expect_fail(const char *label, long rc) {
    if (rc < 0) {
        int e = errno;
        printf("%s: error %s (%s)\n", label, errname(e), strerror(e));
    } else {
        printf("%s: unexpected success (%ld)\n", label, rc);
    }
}

static void check(const char *label, int cond) {
    printf("%s: %s\n", label, cond ? "ok" : "FAIL");
}

#endif
