package dev.arabica.wasi;

import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.wasi.preview1.Capabilities;
import dev.arabica.wasi.preview1.Preopen;
import dev.arabica.wasi.preview1.Preview1;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * WASI preview1 for one guest, granted exactly what its builder says. By default a guest gets no
 * arguments, no environment, empty stdin, discarded stdout and stderr, no directories, the system
 * clocks and a secure random source.
 *
 * <pre>{@code
 * try (Wasi wasi = Wasi.builder().inheritStdio().arguments("app", "--fast")
 *         .preopen(Path.of("data"), "/data").build()) {
 *     wasi.addTo(linker, store);
 *     ...
 * }
 * }</pre>
 */
public final class Wasi implements AutoCloseable {

    private final Preview1 preview1;

    private Wasi(Capabilities capabilities) {
        this.preview1 = new Preview1(capabilities);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defines the WASI functions in {@code linker} for instances created in {@code store}. */
    public Wasi addTo(Linker linker, Store store) {
        preview1.define(linker, store);
        return this;
    }

    /** Closes the files the guest left open and flushes its output streams. */
    @Override
    public void close() {
        try {
            preview1.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {

        private final List<String> arguments = new ArrayList<>();
        private final List<String> environment = new ArrayList<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private final List<ServerSocketChannel> listeners = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private boolean terminal;
        private InstantSource wallClock = InstantSource.system();
        private LongSupplier monotonicNanos = System::nanoTime;
        private Random random;

        private Builder() {
        }

        /** The guest's argv, program name first. */
        public Builder arguments(String... values) {
            return arguments(List.of(values));
        }

        public Builder arguments(List<String> values) {
            arguments.clear();
            arguments.addAll(values);
            return this;
        }

        public Builder env(String name, String value) {
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("invalid environment variable name or value: \"" + name + "\"");
            }
            environment.add(name + "=" + value);
            return this;
        }

        /** Grants every variable of this process's environment. */
        public Builder inheritEnv() {
            for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
                env(variable.getKey(), variable.getValue());
            }
            return this;
        }

        /**
         * Binds the guest's stdin, stdout and stderr to {@link System#in}, {@link System#out} and
         * {@link System#err} as they are now, as a terminal if this process has one.
         */
        public Builder inheritStdio() {
            stdin = System.in;
            stdout = System.out;
            stderr = System.err;
            terminal = System.console() != null;
            return this;
        }

        public Builder stdin(InputStream input) {
            stdin = input;
            return this;
        }

        public Builder stdin(byte[] input) {
            return stdin(new ByteArrayInputStream(input));
        }

        public Builder stdout(OutputStream output) {
            stdout = output;
            return this;
        }

        public Builder stderr(OutputStream output) {
            stderr = output;
            return this;
        }

        /**
         * Grants the host directory {@code hostDirectory} to the guest as {@code guestPath}: read
         * and write.
         */
        public Builder preopen(Path hostDirectory, String guestPath) {
            return preopen(hostDirectory, guestPath, false);
        }

        /** Grants a directory the guest may read but never change, under any flags. */
        public Builder preopenReadOnly(Path hostDirectory, String guestPath) {
            return preopen(hostDirectory, guestPath, true);
        }

        private Builder preopen(Path hostDirectory, String guestPath, boolean readOnly) {
            if (!Files.isDirectory(hostDirectory)) {
                throw new IllegalArgumentException("cannot preopen " + hostDirectory + ": not a directory");
            }
            try {
                preopens.add(new Preopen(hostDirectory.toRealPath(), guestPath, readOnly));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot preopen " + hostDirectory, e);
            }
            return this;
        }

        /** Grants a bound TCP listener, which the guest accepts connections on with {@code sock_accept}. */
        public Builder listener(ServerSocketChannel listener) {
            listeners.add(listener);
            return this;
        }

        /** The clock {@code CLOCK_REALTIME} reads. */
        public Builder wallClock(InstantSource clock) {
            wallClock = clock;
            return this;
        }

        /** The source of {@code CLOCK_MONOTONIC}, in nanoseconds. */
        public Builder monotonicClock(LongSupplier nanos) {
            monotonicNanos = nanos;
            return this;
        }

        /** The source of {@code random_get}; a seeded one makes runs repeatable. */
        public Builder random(Random source) {
            random = source;
            return this;
        }

        public Wasi build() {
            return new Wasi(new Capabilities(arguments, environment, stdin, stdout, stderr, terminal, preopens,
                    listeners, wallClock, monotonicNanos, random != null ? random : new SecureRandom()));
        }
    }
}
