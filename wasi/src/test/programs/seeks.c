/* seeks: lseek SEEK_SET/SEEK_CUR/SEEK_END, holes read back as zeros, invalid seeks, stdio fseek/ftell. */
#include "common.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static long file_size(const char *path) {
    struct stat st;
    if (stat(path, &st) < 0) return -1;
    return (long) st.st_size;
}

static void seek(int fd, const char *label, off_t off, int whence) {
    off_t r = lseek(fd, off, whence);
    if (r < 0) printf("%s: error %s (%s)\n", label, errname(errno), strerror(errno));
    else printf("%s: %lld\n", label, (long long) r);
}

static void read_show(int fd, size_t n) {
    char buf[64];
    ssize_t r = read(fd, buf, n);
    printf("read %zu: %zd \"", n, r);
    for (ssize_t i = 0; i < r; i++) {
        if (buf[i] == 0) printf("\\0");
        else putchar(buf[i]);
    }
    printf("\"\n");
}

int main(void) {
    int fd = report("open s.txt O_RDWR|O_CREAT", open(SB "/s.txt", O_RDWR | O_CREAT | O_TRUNC, 0644));
    printf("write: %ld\n", (long) write(fd, "0123456789", 10));

    printf("== SEEK_SET / SEEK_CUR / SEEK_END\n");
    seek(fd, "SEEK_CUR 0", 0, SEEK_CUR);
    seek(fd, "SEEK_SET 3", 3, SEEK_SET);
    read_show(fd, 2);
    seek(fd, "SEEK_CUR 0", 0, SEEK_CUR);
    seek(fd, "SEEK_CUR -2", -2, SEEK_CUR);
    read_show(fd, 3);
    seek(fd, "SEEK_CUR +1", 1, SEEK_CUR);
    read_show(fd, 1);
    seek(fd, "SEEK_END -1", -1, SEEK_END);
    read_show(fd, 5);
    seek(fd, "SEEK_END 0", 0, SEEK_END);
    read_show(fd, 5);
    seek(fd, "SEEK_SET 0", 0, SEEK_SET);
    read_show(fd, 10);

    printf("== invalid seeks\n");
    seek(fd, "SEEK_SET 4", 4, SEEK_SET);
    seek(fd, "SEEK_SET -1", -1, SEEK_SET);
    seek(fd, "SEEK_CUR -5 (before start)", -5, SEEK_CUR);
    seek(fd, "SEEK_END -11 (before start)", -11, SEEK_END);
    seek(fd, "offset after failed seeks", 0, SEEK_CUR);
    seek(fd, "whence 7", 0, 7);
    seek(fd, "offset after bad whence", 0, SEEK_CUR);

    printf("== seek past end and write (hole)\n");
    seek(fd, "SEEK_SET 20", 20, SEEK_SET);
    printf("size before write: %ld\n", file_size(SB "/s.txt"));
    read_show(fd, 4);
    printf("write X: %ld\n", (long) write(fd, "X", 1));
    printf("size after write: %ld\n", file_size(SB "/s.txt"));
    seek(fd, "SEEK_CUR 0", 0, SEEK_CUR);
    seek(fd, "SEEK_SET 8", 8, SEEK_SET);
    read_show(fd, 20);
    seek(fd, "SEEK_END 5", 5, SEEK_END);
    printf("size unchanged by seek: %ld\n", file_size(SB "/s.txt"));

    printf("== large hole\n");
    seek(fd, "SEEK_SET 1048576", 1048576, SEEK_SET);
    printf("write END: %ld\n", (long) write(fd, "END", 3));
    printf("size: %ld\n", file_size(SB "/s.txt"));
    unsigned char *buf = malloc(1048576);
    ssize_t r = pread(fd, buf, 1048576 - 21, 21);
    int zeros = r == 1048576 - 21;
    for (ssize_t i = 0; zeros && i < r; i++) if (buf[i] != 0) zeros = 0;
    printf("pread hole: %zd\n", r);
    check("hole reads as zeros", zeros);
    seek(fd, "SEEK_END -3", -3, SEEK_END);
    read_show(fd, 10);
    free(buf);
    close(fd);

    printf("== O_APPEND offsets\n");
    fd = report("open s.txt O_RDWR|O_APPEND", open(SB "/s.txt", O_RDWR | O_APPEND));
    seek(fd, "SEEK_CUR 0 after open", 0, SEEK_CUR);
    seek(fd, "SEEK_SET 2", 2, SEEK_SET);
    read_show(fd, 3);
    printf("write !: %ld\n", (long) write(fd, "!", 1));
    seek(fd, "SEEK_CUR 0 after append", 0, SEEK_CUR);
    seek(fd, "SEEK_END -4", -4, SEEK_END);
    read_show(fd, 10);
    close(fd);

    printf("== stdio fseek/ftell\n");
    FILE *f = fopen(SB "/t.txt", "w+");
    printf("fopen: %s\n", f ? "ok" : "fail");
    fputs("abcdefghijklmnopqrstuvwxyz", f);
    printf("ftell after fputs: %ld\n", ftell(f));
    printf("fseek SEEK_SET 10: %d\n", fseek(f, 10, SEEK_SET));
    printf("fgetc: %c\n", fgetc(f));
    printf("ftell: %ld\n", ftell(f));
    printf("fseek SEEK_CUR 5: %d\n", fseek(f, 5, SEEK_CUR));
    printf("fgetc: %c\n", fgetc(f));
    printf("fseek SEEK_END -1: %d\n", fseek(f, -1, SEEK_END));
    printf("fgetc: %c\n", fgetc(f));
    printf("fgetc at eof is EOF: %s\n", fgetc(f) == EOF ? "yes" : "no");
    rewind(f);
    printf("ftell after rewind: %ld\n", ftell(f));
    fputs("AB", f);
    fflush(f);
    rewind(f);
    char line[32] = {0};
    printf("fgets: %s\n", fgets(line, sizeof line, f) ? line : "(null)");
    int fs = fseek(f, -100, SEEK_SET);
    printf("fseek -100: %d, errno %s\n", fs, errname(errno));
    fclose(f);
    printf("done\n");
    return 0;
}
