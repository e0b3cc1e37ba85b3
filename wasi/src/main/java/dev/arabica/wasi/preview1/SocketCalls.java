package dev.arabica.wasi.preview1;

import java.nio.ByteBuffer;

/** {@code sock_accept}, {@code sock_recv}, {@code sock_send} and {@code sock_shutdown}, on sockets the embedder granted. */
final class SocketCalls {

    private final DescriptorTable table;

    SocketCalls(WasiContext context) {
        this.table = context.descriptors();
    }

    void register(Registry registry) {
        registry.add("sock_accept", "iii", a -> {
            SocketDescriptor listener = socket(a.i32(0), Rights.SOCK_ACCEPT);
            if ((a.i32(1) & ~Flags.FDFLAG_NONBLOCK) != 0) {
                throw new WasiError(Errno.EINVAL);
            }
            a.memory().offset(a.i32(2), 4);
            SocketDescriptor accepted = listener.accept((a.i32(1) & Flags.FDFLAG_NONBLOCK) != 0);
            try {
                a.memory().putI32(a.i32(2), table.add(accepted));
            } catch (WasiError tooMany) {
                accepted.close();
                throw tooMany;
            }
            return 0;
        });
        registry.add("sock_recv", "iiiiii", a -> {
            SocketDescriptor socket = socket(a.i32(0), Rights.FD_READ);
            int flags = a.i32(3);
            if ((flags & ~(Flags.RIFLAG_RECV_PEEK | Flags.RIFLAG_RECV_WAITALL)) != 0) {
                throw new WasiError(Errno.EINVAL);
            }
            if ((flags & Flags.RIFLAG_RECV_PEEK) != 0) {
                throw new WasiError(Errno.ENOTSUP);
            }
            ByteBuffer[] buffers = a.memory().iovecs(a.i32(1), a.i32(2));
            a.memory().offset(a.i32(4), 4);
            a.memory().offset(a.i32(5), 2);
            a.memory().putI32(a.i32(4), socket.read(buffers, (flags & Flags.RIFLAG_RECV_WAITALL) != 0));
            a.memory().putU16(a.i32(5), 0);
            return 0;
        });
        registry.add("sock_send", "iiiii", a -> {
            SocketDescriptor socket = socket(a.i32(0), Rights.FD_WRITE);
            if (a.i32(3) != 0) {
                throw new WasiError(Errno.EINVAL);
            }
            ByteBuffer[] buffers = a.memory().iovecs(a.i32(1), a.i32(2));
            a.memory().offset(a.i32(4), 4);
            a.memory().putI32(a.i32(4), socket.write(buffers));
            return 0;
        });
        registry.add("sock_shutdown", "ii", a -> {
            SocketDescriptor socket = socket(a.i32(0), Rights.SOCK_SHUTDOWN);
            int how = a.i32(1);
            if (how == 0 || (how & ~(Flags.SDFLAG_RD | Flags.SDFLAG_WR)) != 0) {
                throw new WasiError(Errno.EINVAL);
            }
            socket.shutdown(how);
            return 0;
        });
    }

    private SocketDescriptor socket(int fd, long right) {
        SocketDescriptor socket = table.get(fd, SocketDescriptor.class, Errno.ENOTSOCK);
        socket.require(right);
        return socket;
    }
}
