/* Counts the words of the files named on the command line and prints the most frequent ones.
 * Usage: wordfreq [-n COUNT] FILE...   (a WASI command: the files must lie in a granted directory) */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word { char *text; int count; };

static struct word *words;
static size_t used, capacity;

static void add(const char *text) {
    for (size_t i = 0; i < used; i++) {
        if (strcmp(words[i].text, text) == 0) { words[i].count++; return; }
    }
    if (used == capacity) {
        capacity = capacity ? capacity * 2 : 256;
        words = realloc(words, capacity * sizeof *words);
        if (!words) { perror("realloc"); exit(2); }
    }
    words[used].text = strdup(text);
    words[used].count = 1;
    used++;
}

static int by_count(const void *a, const void *b) {
    const struct word *x = a, *y = b;
    if (x->count != y->count) return y->count - x->count;
    return strcmp(x->text, y->text);
}

static int count_file(const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) { fprintf(stderr, "wordfreq: %s: %s\n", path, strerror(errno)); return 1; }
    char word[128];
    size_t length = 0;
    int c;
    while ((c = fgetc(file)) != EOF) {
        if (isalpha(c) || c == '_') {
            if (length < sizeof word - 1) word[length++] = (char) tolower(c);
        } else if (length > 0) {
            word[length] = '\0'; add(word); length = 0;
        }
    }
    if (length > 0) { word[length] = '\0'; add(word); }
    fclose(file);
    return 0;
}

int main(int argc, char **argv) {
    int top = 10, first = 1, failed = 0;
    if (argc > 2 && strcmp(argv[1], "-n") == 0) { top = atoi(argv[2]); first = 3; }
    if (first >= argc) { fprintf(stderr, "usage: %s [-n COUNT] FILE...\n", argv[0]); return 2; }
    for (int i = first; i < argc; i++) failed |= count_file(argv[i]);
    qsort(words, used, sizeof *words, by_count);
    for (size_t i = 0; i < used && (int) i < top; i++) printf("%7d %s\n", words[i].count, words[i].text);
    return failed;
}
