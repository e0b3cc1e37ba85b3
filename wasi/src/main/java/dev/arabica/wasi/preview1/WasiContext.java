package dev.arabica.wasi.preview1;

import java.nio.channels.ServerSocketChannel;

/**
 * The state one guest's WASI calls share: what it was granted and its open descriptors. Preopens
 * follow the standard streams directly, since a guest's libc finds them by counting up from 3 until
 * {@code fd_prestat_get} fails; listening sockets come after them.
 */
final class WasiContext {

    private final Capabilities capabilities;
    private final DescriptorTable descriptors = new DescriptorTable();

    WasiContext(Capabilities capabilities) {
        this.capabilities = capabilities;
        descriptors.add(StreamDescriptor.reading(capabilities.stdin(), capabilities.terminal()));
        descriptors.add(StreamDescriptor.writing(capabilities.stdout(), capabilities.terminal()));
        descriptors.add(StreamDescriptor.writing(capabilities.stderr(), capabilities.terminal()));
        for (Preopen preopen : capabilities.preopens()) {
            descriptors.add(DirectoryDescriptor.preopened(preopen));
        }
        for (ServerSocketChannel listener : capabilities.listeners()) {
            descriptors.add(SocketDescriptor.listening(listener));
        }
    }

    Capabilities capabilities() {
        return capabilities;
    }

    DescriptorTable descriptors() {
        return descriptors;
    }
}
