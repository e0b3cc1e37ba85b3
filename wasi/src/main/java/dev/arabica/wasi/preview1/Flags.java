package dev.arabica.wasi.preview1;

/** Flag bits and enumerations of preview1's calls that are not rights or errnos. */
final class Flags {

    static final int OFLAG_CREAT = 1;
    static final int OFLAG_DIRECTORY = 2;
    static final int OFLAG_EXCL = 4;
    static final int OFLAG_TRUNC = 8;

    static final int FDFLAG_APPEND = 1;
    static final int FDFLAG_DSYNC = 2;
    static final int FDFLAG_NONBLOCK = 4;
    static final int FDFLAG_RSYNC = 8;
    static final int FDFLAG_SYNC = 16;

    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    static final int FST_ATIM = 1;
    static final int FST_ATIM_NOW = 2;
    static final int FST_MTIM = 4;
    static final int FST_MTIM_NOW = 8;

    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_BLOCK_DEVICE = 1;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SOCKET_STREAM = 6;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    static final int EVENT_CLOCK = 0;
    static final int EVENT_FD_READ = 1;
    static final int EVENT_FD_WRITE = 2;
    static final int SUBCLOCK_ABSTIME = 1;

    static final int SDFLAG_RD = 1;
    static final int SDFLAG_WR = 2;
    static final int RIFLAG_RECV_PEEK = 1;
    static final int RIFLAG_RECV_WAITALL = 2;

    private Flags() {
    }
}
