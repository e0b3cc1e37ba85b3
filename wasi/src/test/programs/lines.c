/* lines: reads all of stdin with small read() calls, then prints the byte and line counts,
 * the lines in reverse order and every line with its characters reversed. */
#include "common.h"

#include <stdlib.h>
#include <unistd.h>

int main(void) {
    size_t cap = 64, len = 0;
    char *data = malloc(cap);
    int reads = 0;
    for (;;) {
        if (len + 7 > cap) data = realloc(data, cap *= 2);
        ssize_t n = read(0, data + len, 7); /* deliberately small reads */
        if (n < 0) {
            printf("read stdin: error %s (%s)\n", errname(errno), strerror(errno));
            return 1;
        }
        if (n == 0) break;
        len += (size_t) n;
        reads++;
    }
    printf("bytes: %zu\n", len);
    printf("more than one read for more than 7 bytes: %s\n", len <= 7 || reads > 1 ? "yes" : "no");
    printf("read after eof: %zd\n", read(0, data, 1));
    size_t nlines = 0;
    size_t starts[1024], lens[1024];
    size_t i = 0;
    while (i < len && nlines < 1024) {
        size_t s = i;
        while (i < len && data[i] != '\n') i++;
        starts[nlines] = s;
        lens[nlines] = i - s;
        nlines++;
        if (i < len) i++; /* skip the newline */
    }
    printf("lines: %zu\n", nlines);
    printf("ends with newline: %s\n", len > 0 && data[len - 1] == '\n' ? "yes" : "no");
    printf("-- reverse order\n");
    for (size_t k = nlines; k-- > 0;) printf("%zu: %.*s\n", k + 1, (int) lens[k], data + starts[k]);
    printf("-- each line reversed\n");
    for (size_t k = 0; k < nlines; k++) {
        printf("%zu: ", k + 1);
        for (size_t j = lens[k]; j-- > 0;) putchar(data[starts[k] + j]);
        putchar('\n');
    }
    free(data);
    return 0;
}
