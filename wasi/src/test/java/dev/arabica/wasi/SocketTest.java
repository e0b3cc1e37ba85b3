package dev.arabica.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.wasi.preview1.Errno;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sockets exist only as listeners the embedder grants; the guest accepts, receives, sends and shuts down. */
class SocketTest {

    private static final int LISTENER = 3;

    @Test
    void theGuestEchoesWhatAClientSendsOnAGrantedListener() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            Guest guest = new Guest(Wasi.builder().listener(listener).build());
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> exchange(port, "ping"));
            int accepted = guest.alloc(4);
            assertThat(guest.call("sock_accept", LISTENER, 0, accepted)).isZero();
            int connection = guest.i32(accepted);
            int buffer = guest.alloc(16);
            int iovec = guest.alloc(8);
            guest.memory().writeInt(iovec, buffer);
            guest.memory().writeInt(iovec + 4, 4);
            int received = guest.alloc(4);
            int flags = guest.alloc(4);
            assertThat(guest.call("sock_recv", connection, iovec, 1, 2, received, flags)).isZero();
            assertThat(guest.readString(buffer, guest.i32(received))).isEqualTo("ping");
            int sent = guest.alloc(4);
            assertThat(guest.call("sock_send", connection, iovec, 1, 0, sent)).isZero();
            assertThat(guest.i32(sent)).isEqualTo(4);
            assertThat(guest.call("sock_shutdown", connection, 3)).isZero();
            assertThat(client.get(10, TimeUnit.SECONDS)).isEqualTo("ping");
            assertThat(guest.call("fd_close", connection)).isZero();
        }
    }

    @Test
    void socketCallsOnOtherDescriptorsFailWithTheSpecifiedErrnos() {
        Guest guest = new Guest(Wasi.builder().build());
        int out = guest.alloc(4);
        assertThat(guest.call("sock_accept", 1, 0, out)).isEqualTo(Errno.ENOTSOCK.code());
        assertThat(guest.call("sock_accept", 42, 0, out)).isEqualTo(Errno.EBADF.code());
        assertThat(guest.call("sock_shutdown", 0, 1)).isEqualTo(Errno.ENOTSOCK.code());
        assertThat(guest.call("sock_send", 2, guest.alloc(8), 0, 0, out)).isEqualTo(Errno.ENOTSOCK.code());
    }

    private static String exchange(int port, String message) {
        try (SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            socket.write(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer reply = ByteBuffer.allocate(64);
            while (socket.read(reply) >= 0) {
                if (!reply.hasRemaining()) {
                    break;
                }
            }
            reply.flip();
            return StandardCharsets.UTF_8.decode(reply).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
