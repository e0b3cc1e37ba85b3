/* exitcode: exits with the code given as argv[1], in the way given by argv[2]:
 * "return" (return from main), "exit" (exit(), flushes stdio; the default) or "_Exit" (no atexit handlers). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* no trailing newline: exit() (and returning from main) must flush stdio buffers after the handlers */
static void on_exit_handler(void) {
    printf("atexit handler ran");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        printf("usage: exitcode CODE [return|exit|_Exit]\n");
        return 2;
    }
    int code = atoi(argv[1]);
    const char *mode = argc > 2 ? argv[2] : "exit";
    atexit(on_exit_handler);
    printf("code %d, mode %s\n", code, mode);
    if (strcmp(mode, "return") == 0) {
        printf("returning from main\n");
        return code;
    }
    if (strcmp(mode, "_Exit") == 0) {
        printf("calling _Exit\n");
        fflush(stdout);
        _Exit(code);
    }
    printf("calling exit\n");
    exit(code);
}
