package dev.arabica.wasi.preview1;

import java.io.IOException;

/** An open file descriptor of the guest: what it refers to, its rights and its flags. */
abstract class Descriptor {

    private long rightsBase;
    private long rightsInheriting;
    private int fdflags;

    Descriptor(long rightsBase, long rightsInheriting, int fdflags) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
        this.fdflags = fdflags;
    }

    abstract int filetype();

    abstract void close() throws IOException;

    long rightsBase() {
        return rightsBase;
    }

    long rightsInheriting() {
        return rightsInheriting;
    }

    int fdflags() {
        return fdflags;
    }

    void setFdflags(int fdflags) {
        this.fdflags = fdflags;
    }

    /** Rights may only shrink: asking for one the descriptor lacks fails with {@code ENOTCAPABLE}. */
    void restrictRights(long base, long inheriting) {
        if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
            throw new WasiError(Errno.ENOTCAPABLE);
        }
        rightsBase = base;
        rightsInheriting = inheriting;
    }

    /** Fails with {@code ENOTCAPABLE} unless the descriptor holds every right in {@code rights}. */
    void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new WasiError(Errno.ENOTCAPABLE);
        }
    }
}
