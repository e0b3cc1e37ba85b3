package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A standard stream: a Java input or output stream the embedder granted. */
final class StreamDescriptor extends Descriptor {

    private final InputStream input;
    private final OutputStream output;
    private final int filetype;

    private StreamDescriptor(InputStream input, OutputStream output, long rights, int filetype) {
        super(rights, 0, 0);
        this.input = input;
        this.output = output;
        this.filetype = filetype;
    }

    static StreamDescriptor reading(InputStream input, boolean terminal) {
        return new StreamDescriptor(input, null, Rights.STDIN, filetype(terminal));
    }

    static StreamDescriptor writing(OutputStream output, boolean terminal) {
        return new StreamDescriptor(null, output, Rights.STDOUT, filetype(terminal));
    }

    /** A terminal is a character device to the guest, which is how its libc decides on line buffering. */
    private static int filetype(boolean terminal) {
        return terminal ? Flags.FILETYPE_CHARACTER_DEVICE : Flags.FILETYPE_UNKNOWN;
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    @Override
    int filetype() {
        return filetype;
    }

    @Override
    void close() throws IOException {
        if (output != null) {
            output.flush();
        }
    }
}
