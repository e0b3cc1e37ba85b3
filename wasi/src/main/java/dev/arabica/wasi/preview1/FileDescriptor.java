package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A regular file opened through a preopen; {@code path} is where it was opened, for stat and times. */
final class FileDescriptor extends Descriptor {

    private final FileChannel channel;
    private final Path path;

    FileDescriptor(FileChannel channel, Path path, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.channel = channel;
        this.path = path;
    }

    FileChannel channel() {
        return channel;
    }

    Path path() {
        return path;
    }

    @Override
    int filetype() {
        return Flags.FILETYPE_REGULAR_FILE;
    }

    @Override
    void close() throws IOException {
        channel.close();
    }
}
