package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The guest's file descriptors: new ones take the lowest free number, as POSIX does. */
final class DescriptorTable {

    /** Opening more than this many descriptors fails with {@code EMFILE}, so a guest cannot exhaust the host's. */
    static final int MAX_DESCRIPTORS = 4096;

    private final List<Descriptor> slots = new ArrayList<>();

    Descriptor get(int fd) {
        Descriptor descriptor = fd >= 0 && fd < slots.size() ? slots.get(fd) : null;
        if (descriptor == null) {
            throw new WasiError(Errno.EBADF);
        }
        return descriptor;
    }

    <T extends Descriptor> T get(int fd, Class<T> kind, Errno otherwise) {
        Descriptor descriptor = get(fd);
        if (!kind.isInstance(descriptor)) {
            throw new WasiError(otherwise);
        }
        return kind.cast(descriptor);
    }

    DirectoryDescriptor directory(int fd) {
        return get(fd, DirectoryDescriptor.class, Errno.ENOTDIR);
    }

    int add(Descriptor descriptor) {
        int free = slots.indexOf(null);
        if (free >= 0) {
            slots.set(free, descriptor);
            return free;
        }
        if (slots.size() >= MAX_DESCRIPTORS) {
            throw new WasiError(Errno.EMFILE);
        }
        slots.add(descriptor);
        return slots.size() - 1;
    }

    Descriptor remove(int fd) {
        Descriptor descriptor = get(fd);
        slots.set(fd, null);
        return descriptor;
    }

    /** Moves {@code from} to {@code to}, closing what {@code to} held; both must be open. */
    void renumber(int from, int to) throws IOException {
        Descriptor moving = get(from);
        Descriptor replaced = get(to);
        if (from == to) {
            return;
        }
        slots.set(to, moving);
        slots.set(from, null);
        replaced.close();
    }

    /** Closes every descriptor, keeping the first exception. */
    void closeAll() throws IOException {
        IOException first = null;
        for (int fd = 0; fd < slots.size(); fd++) {
            Descriptor descriptor = slots.get(fd);
            if (descriptor == null) {
                continue;
            }
            slots.set(fd, null);
            try {
                descriptor.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
