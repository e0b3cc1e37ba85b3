package dev.arabica.wasi.preview1;

/** A WASI call failed with an errno; thrown inside the host functions and returned to the guest as that number. */
final class WasiError extends RuntimeException {

    private final Errno errno;

    WasiError(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }

    Errno errno() {
        return errno;
    }
}
