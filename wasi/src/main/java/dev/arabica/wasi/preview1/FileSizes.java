package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Changing a file's size without moving its offset, as {@code ftruncate} does. */
final class FileSizes {

    private FileSizes() {
    }

    /** Extends the file with zeros to at least {@code size} bytes. */
    static void growTo(FileChannel channel, long size) throws IOException {
        if (channel.size() < size) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    /** Sets the size exactly, cutting or extending with zeros; the offset stays where it was. */
    static void setSize(FileChannel channel, long size) throws IOException {
        long position = channel.position();
        if (channel.size() > size) {
            channel.truncate(size);
            channel.position(position);
        } else {
            growTo(channel, size);
        }
    }
}
