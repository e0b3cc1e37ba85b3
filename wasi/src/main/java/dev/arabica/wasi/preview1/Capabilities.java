package dev.arabica.wasi.preview1;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Everything a guest is granted: its arguments, environment ({@code NAME=VALUE} strings), standard
 * streams (and whether they are a terminal), preopened directories, listening sockets, clocks and
 * randomness.
 */
public record Capabilities(List<String> arguments, List<String> environment, InputStream stdin,
        OutputStream stdout, OutputStream stderr, boolean terminal, List<Preopen> preopens, List<ServerSocketChannel> listeners,
        InstantSource wallClock,
        LongSupplier monotonicNanos, Random random) {

    public Capabilities {
        arguments = List.copyOf(arguments);
        environment = List.copyOf(environment);
        preopens = List.copyOf(preopens);
        listeners = List.copyOf(listeners);
    }
}
