package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What descriptors are: {@code fd_fdstat_*}, {@code fd_filestat_*}, {@code fd_prestat_*} and {@code fd_readdir}. */
final class FdInfoCalls {

    private static final int DIRENT_SIZE = 24;
    private static final int SETTABLE_FDFLAGS = Flags.FDFLAG_APPEND | Flags.FDFLAG_NONBLOCK;
    private static final int ALL_FDFLAGS = SETTABLE_FDFLAGS | Flags.FDFLAG_DSYNC | Flags.FDFLAG_RSYNC
            | Flags.FDFLAG_SYNC;

    private final DescriptorTable table;

    FdInfoCalls(WasiContext context) {
        this.table = context.descriptors();
    }

    void register(Registry registry, Abi abi) {
        registry.add("fd_fdstat_get", "ii", a -> {
            Descriptor descriptor = table.get(a.i32(0));
            GuestMemory memory = a.memory();
            int pointer = a.i32(1);
            memory.offset(pointer, 24);
            memory.putI64(pointer, 0);
            memory.putU8(pointer, descriptor.filetype());
            memory.putU16(pointer + 2, descriptor.fdflags());
            memory.putI64(pointer + 8, descriptor.rightsBase());
            memory.putI64(pointer + 16, descriptor.rightsInheriting());
            return 0;
        });
        registry.add("fd_fdstat_set_flags", "ii", a -> setFlags(a.i32(0), a.i32(1)));
        registry.add("fd_fdstat_set_rights", "iII", a -> {
            table.get(a.i32(0)).restrictRights(a.i64(1), a.i64(2));
            return 0;
        });
        registry.add("fd_filestat_get", "ii", a -> {
            a.memory().offset(a.i32(1), abi.filestatSize());
            stats(a.i32(0)).write(a.memory(), a.i32(1), abi);
            return 0;
        });
        registry.add("fd_filestat_set_size", "iI", a -> {
            FileDescriptor file = file(a.i32(0), Rights.FD_FILESTAT_SET_SIZE);
            if (a.i64(1) < 0) {
                throw new WasiError(Errno.EINVAL);
            }
            FileSizes.setSize(file.channel(), a.i64(1));
            return 0;
        });
        registry.add("fd_filestat_set_times", "iIIi", a -> {
            Descriptor descriptor = table.get(a.i32(0));
            descriptor.require(Rights.FD_FILESTAT_SET_TIMES);
            FileTimes.set(hostPath(descriptor), a.i64(1), a.i64(2), a.i32(3));
            return 0;
        });
        registry.add("fd_prestat_get", "ii", a -> {
            Preopen preopen = preopen(a.i32(0));
            a.memory().offset(a.i32(1), 8);
            a.memory().putI32(a.i32(1), 0);
            a.memory().putI32(a.i32(1) + 4, preopen.guestName().getBytes(StandardCharsets.UTF_8).length);
            return 0;
        });
        registry.add("fd_prestat_dir_name", "iii", a -> {
            byte[] name = preopen(a.i32(0)).guestName().getBytes(StandardCharsets.UTF_8);
            if (Integer.toUnsignedLong(a.i32(2)) < name.length) {
                throw new WasiError(Errno.ENAMETOOLONG);
            }
            a.memory().put(a.i32(1), name);
            return 0;
        });
        registry.add("fd_readdir", "iiiIi", a -> {
            a.memory().offset(a.i32(4), 4);
            a.memory().putI32(a.i32(4), readdir(a.memory(), a.i32(0), a.i32(1), a.i32(2), a.i64(3)));
            return 0;
        });
    }

    private int setFlags(int fd, int fdflags) {
        Descriptor descriptor = table.get(fd);
        descriptor.require(Rights.FD_FDSTAT_SET_FLAGS);
        if ((fdflags & ~ALL_FDFLAGS) != 0) {
            throw new WasiError(Errno.EINVAL);
        }
        if ((fdflags & ~SETTABLE_FDFLAGS) != 0) {
            throw new WasiError(Errno.ENOTSUP);
        }
        descriptor.setFdflags(fdflags);
        return 0;
    }

    private FileStats stats(int fd) throws IOException {
        Descriptor descriptor = table.get(fd);
        descriptor.require(Rights.FD_FILESTAT_GET);
        if (descriptor instanceof FileDescriptor file) {
            long size = file.channel().size();
            try {
                return FileStats.of(file.path()).withSize(size);
            } catch (WasiError removed) {
                return new FileStats(0, 0, Flags.FILETYPE_REGULAR_FILE, 0, size, 0, 0, 0);
            }
        } else if (descriptor instanceof DirectoryDescriptor directory) {
            return FileStats.of(directory.hostPath());
        }
        return new FileStats(0, 0, descriptor.filetype(), 1, 0, 0, 0, 0);
    }

    private FileDescriptor file(int fd, long right) {
        Descriptor descriptor = table.get(fd);
        descriptor.require(right);
        if (descriptor instanceof FileDescriptor file) {
            return file;
        }
        throw new WasiError(descriptor instanceof DirectoryDescriptor ? Errno.EISDIR : Errno.EINVAL);
    }

    private static Path hostPath(Descriptor descriptor) {
        if (descriptor instanceof FileDescriptor file) {
            return file.path();
        } else if (descriptor instanceof DirectoryDescriptor directory) {
            return directory.hostPath();
        }
        throw new WasiError(Errno.EINVAL);
    }

    private Preopen preopen(int fd) {
        Descriptor descriptor = table.get(fd);
        if (descriptor instanceof DirectoryDescriptor directory && directory.isPreopened()) {
            return directory.preopen();
        }
        throw new WasiError(Errno.EBADF);
    }

    /**
     * Fills the buffer with dirents from {@code cookie} on; the last may be cut short, which tells
     * the guest to call again with a larger buffer. Returns the bytes used.
     */
    private int readdir(GuestMemory memory, int fd, int buffer, int length, long cookie) throws IOException {
        DirectoryDescriptor directory = table.get(fd, DirectoryDescriptor.class, Errno.ENOTDIR);
        directory.require(Rights.FD_READDIR);
        long capacity = Integer.toUnsignedLong(length);
        memory.offset(buffer, capacity);
        if (cookie == 0 || directory.listing() == null) {
            directory.setListing(list(directory.hostPath()));
        }
        List<String> listing = directory.listing();
        long used = 0;
        for (long index = cookie; index < listing.size() && used < capacity; index++) {
            String name = listing.get((int) index);
            byte[] entry = dirent(directory, name, index + 1);
            used += memory.putTruncated(buffer + (int) used, entry, (int) (capacity - used));
        }
        return (int) used;
    }

    private static List<String> list(Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(null);
        names.add(0, "..");
        names.add(0, ".");
        return names;
    }

    private static byte[] dirent(DirectoryDescriptor directory, String name, long next) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        FileStats stats = entryStats(directory, name);
        byte[] entry = new byte[DIRENT_SIZE + nameBytes.length];
        ByteBuffer header = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(0, next);
        header.putLong(8, stats == null ? 0 : stats.inode());
        header.putInt(16, nameBytes.length);
        header.put(20, (byte) (stats == null ? Flags.FILETYPE_UNKNOWN : stats.filetype()));
        System.arraycopy(nameBytes, 0, entry, DIRENT_SIZE, nameBytes.length);
        return entry;
    }

    /** The entry's stats; ".." of a preopen's root reports the root itself, since its parent lies outside. */
    private static FileStats entryStats(DirectoryDescriptor directory, String name) {
        List<String> components = directory.components();
        Path path;
        if (name.equals(".") || (name.equals("..") && components.isEmpty())) {
            path = directory.hostPath();
        } else if (name.equals("..")) {
            path = SandboxPaths.hostPath(directory.preopen().root(), components.subList(0, components.size() - 1));
        } else {
            path = directory.hostPath().resolve(name);
        }
        try {
            return FileStats.of(path);
        } catch (WasiError vanished) {
            return null;
        }
    }
}
