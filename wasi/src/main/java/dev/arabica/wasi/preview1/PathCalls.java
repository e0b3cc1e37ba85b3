package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** The {@code path_*} calls other than {@code path_open}; every path is resolved inside its preopen. */
final class PathCalls {

    private final DescriptorTable table;

    PathCalls(WasiContext context) {
        this.table = context.descriptors();
    }

    void register(Registry registry, Abi abi) {
        registry.add("path_create_directory", "iii", a -> {
            SandboxPaths.Resolved target = resolve(a, 0, Rights.PATH_CREATE_DIRECTORY, 1, false);
            requireNotRoot(target, Errno.EEXIST);
            Files.createDirectory(target.hostPath());
            return 0;
        });
        registry.add("path_filestat_get", "iiiii", a -> {
            SandboxPaths.Resolved target = resolve(a, 0, Rights.PATH_FILESTAT_GET, 2, follows(a.i32(1)));
            a.memory().offset(a.i32(4), abi.filestatSize());
            FileStats stats = FileStats.of(target.hostPath());
            if (target.mustBeDirectory() && stats.filetype() != Flags.FILETYPE_DIRECTORY) {
                throw new WasiError(Errno.ENOTDIR);
            }
            stats.write(a.memory(), a.i32(4), abi);
            return 0;
        });
        registry.add("path_filestat_set_times", "iiiiIIi", a -> {
            SandboxPaths.Resolved target = resolve(a, 0, Rights.PATH_FILESTAT_SET_TIMES, 2, follows(a.i32(1)));
            existing(target);
            FileTimes.set(target.hostPath(), a.i64(4), a.i64(5), a.i32(6));
            return 0;
        });
        registry.add("path_link", "iiiiiii", a -> {
            SandboxPaths.Resolved source = resolve(a, 0, Rights.PATH_LINK_SOURCE, 2, follows(a.i32(1)));
            SandboxPaths.Resolved link = resolve(a, 4, Rights.PATH_LINK_TARGET, 5, false);
            BasicFileAttributes attributes = existing(source);
            if (attributes.isDirectory()) {
                throw new WasiError(Errno.EPERM);
            }
            if (source.mustBeDirectory() || link.mustBeDirectory()) {
                throw new WasiError(Errno.ENOTDIR);
            }
            Files.createLink(link.hostPath(), source.hostPath());
            return 0;
        });
        registry.add("path_readlink", "iiiiii", a -> {
            SandboxPaths.Resolved link = resolve(a, 0, Rights.PATH_READLINK, 1, false);
            if (!existing(link).isSymbolicLink()) {
                throw new WasiError(Errno.EINVAL);
            }
            a.memory().offset(a.i32(5), 4);
            byte[] target = Files.readSymbolicLink(link.hostPath()).toString().getBytes(StandardCharsets.UTF_8);
            a.memory().putI32(a.i32(5), a.memory().putTruncated(a.i32(3), target, a.i32(4)));
            return 0;
        });
        registry.add("path_remove_directory", "iii", a -> {
            SandboxPaths.Resolved target = resolve(a, 0, Rights.PATH_REMOVE_DIRECTORY, 1, false);
            requireNotRoot(target, Errno.EBUSY);
            if (!existing(target).isDirectory()) {
                throw new WasiError(Errno.ENOTDIR);
            }
            Files.delete(target.hostPath());
            return 0;
        });
        registry.add("path_rename", "iiiiii", a -> {
            SandboxPaths.Resolved source = resolve(a, 0, Rights.PATH_RENAME_SOURCE, 1, false);
            SandboxPaths.Resolved destination = resolve(a, 3, Rights.PATH_RENAME_TARGET, 4, false);
            requireNotRoot(source, Errno.EBUSY);
            requireNotRoot(destination, Errno.EBUSY);
            boolean directory = existing(source).isDirectory();
            if (!directory && (source.mustBeDirectory() || destination.mustBeDirectory())) {
                throw new WasiError(Errno.ENOTDIR);
            }
            Files.move(source.hostPath(), destination.hostPath(), StandardCopyOption.ATOMIC_MOVE);
            return 0;
        });
        registry.add("path_symlink", "iiiii", a -> {
            String target = a.memory().string(a.i32(0), a.i32(1));
            SandboxPaths.Resolved link = resolve(a, 2, Rights.PATH_SYMLINK, 3, false);
            if (target.indexOf('\0') >= 0) {
                throw new WasiError(Errno.EILSEQ);
            }
            if (target.startsWith("/")) {
                throw new WasiError(Errno.ENOTCAPABLE);
            }
            requireNotRoot(link, Errno.EEXIST);
            if (SandboxPaths.attributesOrNull(link.hostPath()) != null) {
                throw new WasiError(Errno.EEXIST);
            }
            if (link.mustBeDirectory()) {
                throw new WasiError(Errno.ENOENT);
            }
            Files.createSymbolicLink(link.hostPath(), Path.of(target));
            return 0;
        });
        registry.add("path_unlink_file", "iii", a -> {
            SandboxPaths.Resolved target = resolve(a, 0, Rights.PATH_UNLINK_FILE, 1, false);
            requireNotRoot(target, Errno.EISDIR);
            BasicFileAttributes attributes = existing(target);
            if (attributes.isDirectory()) {
                throw new WasiError(Errno.EISDIR);
            }
            if (target.mustBeDirectory()) {
                throw new WasiError(Errno.ENOTDIR);
            }
            Files.delete(target.hostPath());
            return 0;
        });
    }

    static boolean follows(int lookupflags) {
        return (lookupflags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
    }

    /**
     * Resolves the path whose pointer and length are arguments {@code pathArg} and {@code pathArg + 1},
     * relative to the directory descriptor in argument {@code fdArg}, which must hold {@code right}.
     */
    private SandboxPaths.Resolved resolve(Args a, int fdArg, long right, int pathArg, boolean followLast) {
        DirectoryDescriptor directory = table.directory(a.i32(fdArg));
        directory.require(right);
        String path = a.memory().string(a.i32(pathArg), a.i32(pathArg + 1));
        return SandboxPaths.resolve(directory, path, followLast);
    }

    private static BasicFileAttributes existing(SandboxPaths.Resolved target) {
        BasicFileAttributes attributes = SandboxPaths.attributesOrNull(target.hostPath());
        if (attributes == null) {
            throw new WasiError(Errno.ENOENT);
        }
        return attributes;
    }

    /** A preopen's root may not be created, removed, renamed or replaced through a path inside it. */
    private static void requireNotRoot(SandboxPaths.Resolved target, Errno errno) {
        if (target.components().isEmpty()) {
            throw new WasiError(errno);
        }
    }
}
