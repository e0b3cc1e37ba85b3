package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reading, writing, seeking and closing descriptors. */
final class FdCalls {

    private static final int ADVICE_MAX = 5;

    private final DescriptorTable table;

    FdCalls(WasiContext context) {
        this.table = context.descriptors();
    }

    void register(Registry registry, Abi abi) {
        registry.add("fd_read", "iiii", a -> {
            ByteBuffer[] buffers = a.memory().iovecs(a.i32(1), a.i32(2));
            a.memory().putI32(a.i32(3), read(a.i32(0), buffers));
            return 0;
        });
        registry.add("fd_write", "iiii", a -> {
            ByteBuffer[] buffers = a.memory().iovecs(a.i32(1), a.i32(2));
            a.memory().putI32(a.i32(3), write(a.i32(0), buffers));
            return 0;
        });
        registry.add("fd_pread", "iiiIi", a -> {
            ByteBuffer[] buffers = a.memory().iovecs(a.i32(1), a.i32(2));
            a.memory().putI32(a.i32(4), pread(a.i32(0), buffers, a.i64(3)));
            return 0;
        });
        registry.add("fd_pwrite", "iiiIi", a -> {
            ByteBuffer[] buffers = a.memory().iovecs(a.i32(1), a.i32(2));
            a.memory().putI32(a.i32(4), pwrite(a.i32(0), buffers, a.i64(3)));
            return 0;
        });
        registry.add("fd_seek", "iIii", a -> {
            a.memory().offset(a.i32(3), 8);
            a.memory().putI64(a.i32(3), seek(a.i32(0), a.i64(1), abi.whence(a.i32(2))));
            return 0;
        });
        registry.add("fd_tell", "ii", a -> {
            a.memory().offset(a.i32(1), 8);
            FileDescriptor file = seekable(a.i32(0), Rights.FD_TELL);
            a.memory().putI64(a.i32(1), file.channel().position());
            return 0;
        });
        registry.add("fd_close", "i", a -> {
            table.remove(a.i32(0)).close();
            return 0;
        });
        registry.add("fd_renumber", "ii", a -> {
            table.renumber(a.i32(0), a.i32(1));
            return 0;
        });
        registry.add("fd_sync", "i", a -> sync(a.i32(0), Rights.FD_SYNC, true));
        registry.add("fd_datasync", "i", a -> sync(a.i32(0), Rights.FD_DATASYNC, false));
        registry.add("fd_advise", "iIIi", a -> advise(a.i32(0), a.i64(1), a.i64(2), a.i32(3)));
        registry.add("fd_allocate", "iII", a -> allocate(a.i32(0), a.i64(1), a.i64(2)));
    }

    private int read(int fd, ByteBuffer[] buffers) throws IOException {
        Descriptor descriptor = table.get(fd);
        descriptor.require(Rights.FD_READ);
        if (descriptor instanceof FileDescriptor file) {
            return (int) Math.max(0, file.channel().read(buffers));
        } else if (descriptor instanceof StreamDescriptor stream && stream.input() != null) {
            return readStream(stream.input(), buffers);
        } else if (descriptor instanceof SocketDescriptor socket) {
            return socket.read(buffers, false);
        } else if (descriptor instanceof DirectoryDescriptor) {
            throw new WasiError(Errno.EISDIR);
        }
        throw new WasiError(Errno.EBADF);
    }

    /**
     * Blocks only for the first buffer, as a pipe's read does: later buffers take what is already
     * available.
     */
    private static int readStream(InputStream input, ByteBuffer[] buffers) throws IOException {
        int total = 0;
        for (ByteBuffer buffer : buffers) {
            if (!buffer.hasRemaining()) {
                continue;
            }
            if (total > 0 && input.available() <= 0) {
                break;
            }
            int count = input.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            if (count <= 0) {
                break;
            }
            total += count;
            buffer.position(buffer.position() + count);
            if (buffer.hasRemaining()) {
                break;
            }
        }
        return total;
    }

    private int write(int fd, ByteBuffer[] buffers) throws IOException {
        Descriptor descriptor = table.get(fd);
        descriptor.require(Rights.FD_WRITE);
        if (descriptor instanceof FileDescriptor file) {
            FileChannel channel = file.channel();
            if ((file.fdflags() & Flags.FDFLAG_APPEND) != 0) {
                channel.position(channel.size());
            }
            return (int) writeFully(channel, buffers);
        } else if (descriptor instanceof StreamDescriptor stream && stream.output() != null) {
            OutputStream output = stream.output();
            int total = 0;
            for (ByteBuffer buffer : buffers) {
                output.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                total += buffer.remaining();
            }
            output.flush();
            return total;
        } else if (descriptor instanceof SocketDescriptor socket) {
            return socket.write(buffers);
        }
        throw new WasiError(Errno.EBADF);
    }

    private static long writeFully(FileChannel channel, ByteBuffer[] buffers) throws IOException {
        long total = 0;
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                total += channel.write(buffer);
            }
        }
        return total;
    }

    /** A read or write at a position that leaves the channel's own position alone. */
    @FunctionalInterface
    private interface PositionalTransfer {
        int transfer(ByteBuffer buffer, long position) throws IOException;
    }

    private int pread(int fd, ByteBuffer[] buffers, long offset) throws IOException {
        FileChannel channel = positional(fd, Rights.FD_READ | Rights.FD_SEEK, offset);
        return transferAll(buffers, offset, channel::read);
    }

    private int pwrite(int fd, ByteBuffer[] buffers, long offset) throws IOException {
        FileChannel channel = positional(fd, Rights.FD_WRITE | Rights.FD_SEEK, offset);
        return transferAll(buffers, offset, channel::write);
    }

    /** Fills or drains the buffers in order from {@code offset}, stopping early at the end of the file. */
    private static int transferAll(ByteBuffer[] buffers, long offset, PositionalTransfer io) throws IOException {
        long position = offset;
        int total = 0;
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                int count = io.transfer(buffer, position);
                if (count <= 0) {
                    return total;
                }
                total += count;
                position += count;
            }
        }
        return total;
    }

    private FileChannel positional(int fd, long rights, long offset) {
        Descriptor descriptor = table.get(fd);
        descriptor.require(rights);
        if (descriptor instanceof DirectoryDescriptor) {
            throw new WasiError(Errno.EISDIR);
        }
        if (!(descriptor instanceof FileDescriptor file)) {
            throw new WasiError(Errno.ESPIPE);
        }
        if (offset < 0) {
            throw new WasiError(Errno.EINVAL);
        }
        return file.channel();
    }

    private long seek(int fd, long offset, int whence) throws IOException {
        FileDescriptor file = seekable(fd, whence == Abi.WHENCE_CUR && offset == 0 ? Rights.FD_TELL : Rights.FD_SEEK);
        FileChannel channel = file.channel();
        long base = switch (whence) {
            case Abi.WHENCE_SET -> 0;
            case Abi.WHENCE_CUR -> channel.position();
            case Abi.WHENCE_END -> channel.size();
            default -> throw new WasiError(Errno.EINVAL);
        };
        long target = base + offset;
        if (target < 0 || (offset > 0 && target < base)) {
            throw new WasiError(Errno.EINVAL);
        }
        channel.position(target);
        return target;
    }

    /** Streams fail with {@code ESPIPE} before rights are checked, which is how programs tell a pipe from a file. */
    private FileDescriptor seekable(int fd, long rights) {
        Descriptor descriptor = table.get(fd);
        if (!(descriptor instanceof FileDescriptor file)) {
            throw new WasiError(descriptor instanceof DirectoryDescriptor ? Errno.EBADF : Errno.ESPIPE);
        }
        file.require(rights);
        return file;
    }

    private int sync(int fd, long right, boolean metadata) throws IOException {
        Descriptor descriptor = table.get(fd);
        descriptor.require(right);
        if (descriptor instanceof FileDescriptor file) {
            file.channel().force(metadata);
        } else if (descriptor instanceof StreamDescriptor stream && stream.output() != null) {
            stream.output().flush();
        } else if (!(descriptor instanceof DirectoryDescriptor)) {
            throw new WasiError(Errno.EINVAL);
        }
        return 0;
    }

    private int advise(int fd, long offset, long length, int advice) {
        Descriptor descriptor = table.get(fd);
        descriptor.require(Rights.FD_ADVISE);
        if (advice < 0 || advice > ADVICE_MAX || offset < 0 || length < 0) {
            throw new WasiError(Errno.EINVAL);
        }
        if (descriptor instanceof DirectoryDescriptor) {
            throw new WasiError(Errno.EBADF);
        }
        if (!(descriptor instanceof FileDescriptor)) {
            throw new WasiError(Errno.ESPIPE);
        }
        return 0;
    }

    private int allocate(int fd, long offset, long length) throws IOException {
        Descriptor descriptor = table.get(fd);
        descriptor.require(Rights.FD_ALLOCATE);
        if (!(descriptor instanceof FileDescriptor file)) {
            throw new WasiError(descriptor instanceof DirectoryDescriptor ? Errno.EBADF : Errno.ESPIPE);
        }
        if (offset < 0 || length <= 0 || offset + length < 0) {
            throw new WasiError(Errno.EINVAL);
        }
        FileSizes.growTo(file.channel(), offset + length);
        return 0;
    }
}
