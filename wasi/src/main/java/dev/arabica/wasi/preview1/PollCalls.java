package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code poll_oneoff}. Files, streams and sockets are reported ready at once (a read may still
 * block, as on a regular file); clock subscriptions sleep until the earliest deadline when nothing
 * else is ready.
 */
final class PollCalls {

    private static final int EVENT_SIZE = 32;

    /** One subscription read from guest memory; {@code deadline} is on the monotonic clock, for clocks. */
    private record Subscription(long userdata, int type, int fd, long deadline, Errno error) {
    }

    private final WasiContext context;
    private final ClockCalls clocks;

    PollCalls(WasiContext context) {
        this.context = context;
        this.clocks = new ClockCalls(context);
    }

    void register(Registry registry, Abi abi) {
        registry.add("poll_oneoff", "iiii", a -> poll(a.memory(), abi, a.i32(0), a.i32(1), a.i32(2), a.i32(3)));
    }

    private int poll(GuestMemory memory, Abi abi, int in, int out, int count, int eventCountPointer)
            throws IOException {
        if (count == 0) {
            throw new WasiError(Errno.EINVAL);
        }
        long subscriptions = Integer.toUnsignedLong(count);
        memory.offset(in, subscriptions * abi.subscriptionSize());
        memory.offset(out, subscriptions * EVENT_SIZE);
        memory.offset(eventCountPointer, 4);
        List<Subscription> clocksPending = new ArrayList<>();
        List<Subscription> ready = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            Subscription subscription = read(memory, abi, in + i * abi.subscriptionSize());
            if (subscription.type() == Flags.EVENT_CLOCK && subscription.error() == null) {
                clocksPending.add(subscription);
            } else {
                ready.add(subscription);
            }
        }
        long earliest = Long.MAX_VALUE;
        for (Subscription clock : clocksPending) {
            earliest = Math.min(earliest, clock.deadline());
        }
        boolean slept = ready.isEmpty();
        if (slept) {
            sleepFor(earliest - monotonic());
        }
        long now = monotonic();
        for (Subscription clock : clocksPending) {
            if (clock.deadline() - now <= 0 || (slept && clock.deadline() == earliest)) {
                ready.add(clock);
            }
        }
        int written = 0;
        for (Subscription subscription : ready) {
            writeEvent(memory, out + written * EVENT_SIZE, subscription);
            written++;
        }
        memory.putI32(eventCountPointer, written);
        return 0;
    }

    private Subscription read(GuestMemory memory, Abi abi, int pointer) {
        long userdata = memory.i64(pointer);
        int type = memory.u8(pointer + 8);
        if (type == Flags.EVENT_CLOCK) {
            int clockPointer = pointer + abi.clockIdOffset();
            int clock = memory.i32(clockPointer);
            long timeout = memory.i64(clockPointer + 8);
            int flags = memory.u16(clockPointer + 24);
            if (clock != Flags.CLOCK_REALTIME && clock != Flags.CLOCK_MONOTONIC) {
                return new Subscription(userdata, type, -1, 0, Errno.EINVAL);
            }
            long monotonicNow = monotonic();
            long delay = (flags & Flags.SUBCLOCK_ABSTIME) != 0 ? timeout - clocks.now(clock) : timeout;
            return new Subscription(userdata, type, -1, monotonicNow + Math.max(0, delay), null);
        }
        if (type != Flags.EVENT_FD_READ && type != Flags.EVENT_FD_WRITE) {
            throw new WasiError(Errno.EINVAL);
        }
        int fd = memory.i32(pointer + 16);
        Errno error = null;
        try {
            context.descriptors().get(fd).require(Rights.POLL_FD_READWRITE);
        } catch (WasiError e) {
            error = e.errno();
        }
        return new Subscription(userdata, type, fd, 0, error);
    }

    private void writeEvent(GuestMemory memory, int pointer, Subscription subscription) throws IOException {
        memory.put(pointer, new byte[EVENT_SIZE]);
        memory.putI64(pointer, subscription.userdata());
        memory.putU16(pointer + 8, subscription.error() == null ? 0 : subscription.error().code());
        memory.putU8(pointer + 10, subscription.type());
        if (subscription.type() != Flags.EVENT_CLOCK && subscription.error() == null) {
            memory.putI64(pointer + 16, readableBytes(subscription));
        }
    }

    private long readableBytes(Subscription subscription) throws IOException {
        if (subscription.type() != Flags.EVENT_FD_READ) {
            return 0;
        }
        Descriptor descriptor = context.descriptors().get(subscription.fd());
        if (descriptor instanceof FileDescriptor file) {
            return Math.max(0, file.channel().size() - file.channel().position());
        } else if (descriptor instanceof StreamDescriptor stream && stream.input() != null) {
            return Math.max(0, stream.input().available());
        }
        return 0;
    }

    private long monotonic() {
        return context.capabilities().monotonicNanos().getAsLong();
    }

    /** Sleeps on the real clock, so that a granted clock that stands still cannot hang the guest. */
    private static void sleepFor(long nanos) {
        long end = System.nanoTime() + nanos;
        long remaining;
        while ((remaining = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new WasiError(Errno.EINTR);
            }
        }
    }
}
