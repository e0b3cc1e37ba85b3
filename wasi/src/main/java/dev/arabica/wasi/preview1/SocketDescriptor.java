package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A TCP socket: a listener the embedder granted, or a connection accepted from one. */
final class SocketDescriptor extends Descriptor {

    private final ServerSocketChannel listener;
    private final SocketChannel connection;

    private SocketDescriptor(ServerSocketChannel listener, SocketChannel connection, long rights) {
        super(rights, 0, 0);
        this.listener = listener;
        this.connection = connection;
    }

    static SocketDescriptor listening(ServerSocketChannel listener) {
        return new SocketDescriptor(listener, null, Rights.LISTENER);
    }

    /** Accepts a connection, or returns null when the descriptor is non-blocking and none is waiting. */
    SocketDescriptor accept(boolean nonblocking) throws IOException {
        if (listener == null) {
            throw new WasiError(Errno.EINVAL);
        }
        listener.configureBlocking(!nonblocking && (fdflags() & Flags.FDFLAG_NONBLOCK) == 0);
        SocketChannel accepted = listener.accept();
        if (accepted == null) {
            throw new WasiError(Errno.EAGAIN);
        }
        accepted.configureBlocking(true);
        return new SocketDescriptor(null, accepted, Rights.SOCKET);
    }

    int read(ByteBuffer[] buffers, boolean waitAll) throws IOException {
        SocketChannel channel = connected();
        channel.configureBlocking((fdflags() & Flags.FDFLAG_NONBLOCK) == 0);
        long total = 0;
        do {
            long count = channel.read(buffers);
            if (count < 0) {
                break;
            }
            if (count == 0 && !channel.isBlocking()) {
                if (total == 0) {
                    throw new WasiError(Errno.EAGAIN);
                }
                break;
            }
            total += count;
        } while (waitAll && buffers.length > 0 && buffers[buffers.length - 1].hasRemaining());
        return (int) total;
    }

    int write(ByteBuffer[] buffers) throws IOException {
        SocketChannel channel = connected();
        channel.configureBlocking(true);
        long total = 0;
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                total += channel.write(buffer);
            }
        }
        return (int) total;
    }

    void shutdown(int how) throws IOException {
        SocketChannel channel = connected();
        if ((how & Flags.SDFLAG_RD) != 0) {
            channel.shutdownInput();
        }
        if ((how & Flags.SDFLAG_WR) != 0) {
            channel.shutdownOutput();
        }
    }

    private SocketChannel connected() {
        if (connection == null) {
            throw new WasiError(Errno.ENOTCONN);
        }
        return connection;
    }

    @Override
    int filetype() {
        return Flags.FILETYPE_SOCKET_STREAM;
    }

    @Override
    void close() throws IOException {
        if (listener != null) {
            listener.close();
        } else {
            connection.close();
        }
    }
}
