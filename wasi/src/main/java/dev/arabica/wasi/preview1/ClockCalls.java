package dev.arabica.wasi.preview1;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;

/** {@code clock_res_get} and {@code clock_time_get}, over the clocks the embedder granted and the JVM's CPU-time counters. */
final class ClockCalls {

    private final WasiContext context;

    ClockCalls(WasiContext context) {
        this.context = context;
    }

    void register(Registry registry) {
        registry.add("clock_res_get", "ii", a -> {
            a.memory().putI64(a.i32(1), resolution(a.i32(0)));
            return 0;
        });
        registry.add("clock_time_get", "iIi", a -> {
            a.memory().putI64(a.i32(2), now(a.i32(0)));
            return 0;
        });
    }

    private static long resolution(int clock) {
        return switch (clock) {
            case Flags.CLOCK_REALTIME -> 1_000;
            case Flags.CLOCK_MONOTONIC, Flags.CLOCK_PROCESS_CPUTIME, Flags.CLOCK_THREAD_CPUTIME -> 1;
            default -> throw new WasiError(Errno.EINVAL);
        };
    }

    /** The clock's current time in nanoseconds. */
    long now(int clock) {
        return switch (clock) {
            case Flags.CLOCK_REALTIME -> {
                Instant instant = context.capabilities().wallClock().instant();
                yield instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            }
            case Flags.CLOCK_MONOTONIC -> context.capabilities().monotonicNanos().getAsLong();
            case Flags.CLOCK_PROCESS_CPUTIME -> ProcessHandle.current().info().totalCpuDuration()
                    .map(Duration::toNanos).orElseGet(ClockCalls::threadCpuNanos);
            case Flags.CLOCK_THREAD_CPUTIME -> threadCpuNanos();
            default -> throw new WasiError(Errno.EINVAL);
        };
    }

    private static long threadCpuNanos() {
        return Threads.BEAN.getCurrentThreadCpuTime();
    }

    /** Loaded when a guest first reads a CPU-time clock, so that start-up does not load the management classes. */
    private static final class Threads {
        static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    }
}
