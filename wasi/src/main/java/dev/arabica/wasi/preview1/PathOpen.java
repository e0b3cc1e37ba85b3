package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/** {@code path_open}: opens or creates a file or directory inside a preopen with rights no wider than its parent's. */
final class PathOpen {

    private static final long WRITING_RIGHTS = Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;

    private final DescriptorTable table;

    PathOpen(WasiContext context) {
        this.table = context.descriptors();
    }

    void register(Registry registry) {
        registry.add("path_open", "iiiiiIIii", a -> {
            a.memory().offset(a.i32(8), 4);
            int fd = open(a.i32(0), a.i32(1), a.memory().string(a.i32(2), a.i32(3)), a.i32(4), a.i64(5), a.i64(6),
                    a.i32(7));
            a.memory().putI32(a.i32(8), fd);
            return 0;
        });
    }

    private int open(int dirfd, int lookupflags, String path, int oflags, long rightsBase, long rightsInheriting,
            int fdflags) throws IOException {
        DirectoryDescriptor directory = table.directory(dirfd);
        directory.require(Rights.PATH_OPEN);
        boolean create = (oflags & Flags.OFLAG_CREAT) != 0;
        boolean exclusive = create && (oflags & Flags.OFLAG_EXCL) != 0;
        boolean truncate = (oflags & Flags.OFLAG_TRUNC) != 0;
        boolean wantsDirectory = (oflags & Flags.OFLAG_DIRECTORY) != 0;
        if (create) {
            directory.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate) {
            directory.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        long inherited = directory.rightsInheriting();
        if ((rightsBase & ~inherited) != 0 || (rightsInheriting & ~inherited) != 0) {
            throw new WasiError(Errno.ENOTCAPABLE);
        }
        SandboxPaths.Resolved target = SandboxPaths.resolve(directory, path,
                PathCalls.follows(lookupflags) && !exclusive);
        Path host = target.hostPath();
        BasicFileAttributes attributes = SandboxPaths.attributesOrNull(host);
        if (attributes == null) {
            if (!create) {
                throw new WasiError(Errno.ENOENT);
            }
            if (wantsDirectory || target.mustBeDirectory()) {
                throw new WasiError(target.mustBeDirectory() ? Errno.EISDIR : Errno.EINVAL);
            }
            try {
                Files.createFile(host);
            } catch (FileAlreadyExistsException raced) {
                if (exclusive) {
                    throw raced;
                }
            }
        } else {
            if (exclusive) {
                throw new WasiError(Errno.EEXIST);
            }
            if (attributes.isSymbolicLink()) {
                throw new WasiError(Errno.ELOOP);
            }
            if (attributes.isDirectory()) {
                if (truncate || (rightsBase & WRITING_RIGHTS) != 0) {
                    throw new WasiError(Errno.EISDIR);
                }
                return table.add(new DirectoryDescriptor(directory.preopen(), target.components(), false, rightsBase,
                        rightsInheriting));
            }
            if (wantsDirectory || target.mustBeDirectory()) {
                throw new WasiError(Errno.ENOTDIR);
            }
            if (!attributes.isRegularFile()) {
                throw new WasiError(Errno.ENOTSUP);
            }
        }
        FileChannel channel = FileChannel.open(host, openOptions(rightsBase, truncate, fdflags));
        try {
            return table.add(new FileDescriptor(channel, host, rightsBase, rightsInheriting,
                    fdflags & (Flags.FDFLAG_APPEND | Flags.FDFLAG_NONBLOCK | Flags.FDFLAG_DSYNC | Flags.FDFLAG_SYNC)));
        } catch (WasiError tooMany) {
            channel.close();
            throw tooMany;
        }
    }

    /** The host open mode: reading unless only writing rights were asked for, writing if any were. */
    private static Set<OpenOption> openOptions(long rightsBase, boolean truncate, int fdflags) {
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        boolean writes = (rightsBase & WRITING_RIGHTS) != 0 || truncate;
        if ((rightsBase & Rights.FD_READ) != 0 || !writes) {
            options.add(StandardOpenOption.READ);
        }
        if (writes) {
            options.add(StandardOpenOption.WRITE);
        }
        if (truncate) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & Flags.FDFLAG_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        if ((fdflags & Flags.FDFLAG_SYNC) != 0) {
            options.add(StandardOpenOption.SYNC);
        }
        return options;
    }
}
