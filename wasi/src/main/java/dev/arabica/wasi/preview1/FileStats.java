package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What {@code filestat} reports of a host file, read without following a symlink at the path itself. */
record FileStats(long device, long inode, int filetype, long links, long size, long accessed, long modified,
        long changed) {

    private static final String UNIX_ATTRIBUTES = "unix:dev,ino,nlink,mode,size,lastAccessTime,lastModifiedTime,ctime";

    static FileStats of(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) unix.get("mode");
            return new FileStats((Long) unix.get("dev"), (Long) unix.get("ino"), filetype(mode),
                    ((Integer) unix.get("nlink")).longValue(), (Long) unix.get("size"),
                    nanos(unix.get("lastAccessTime")), nanos(unix.get("lastModifiedTime")), nanos(unix.get("ctime")));
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return basic(path);
        } catch (IOException e) {
            throw IoErrors.toWasi(e);
        }
    }

    private static FileStats basic(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            int filetype = attributes.isDirectory() ? Flags.FILETYPE_DIRECTORY
                    : attributes.isRegularFile() ? Flags.FILETYPE_REGULAR_FILE
                    : attributes.isSymbolicLink() ? Flags.FILETYPE_SYMBOLIC_LINK : Flags.FILETYPE_UNKNOWN;
            long modified = nanos(attributes.lastModifiedTime());
            return new FileStats(0, 0, filetype, 1, attributes.size(), nanos(attributes.lastAccessTime()), modified,
                    modified);
        } catch (IOException e) {
            throw IoErrors.toWasi(e);
        }
    }

    FileStats withSize(long newSize) {
        return new FileStats(device, inode, filetype, links, newSize, accessed, modified, changed);
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    /** The file type from the type bits of a POSIX mode. */
    private static int filetype(int mode) {
        return switch (mode & 0xF000) {
            case 0x4000 -> Flags.FILETYPE_DIRECTORY;
            case 0x8000 -> Flags.FILETYPE_REGULAR_FILE;
            case 0xA000 -> Flags.FILETYPE_SYMBOLIC_LINK;
            case 0x2000 -> Flags.FILETYPE_CHARACTER_DEVICE;
            case 0x6000 -> Flags.FILETYPE_BLOCK_DEVICE;
            case 0xC000 -> Flags.FILETYPE_SOCKET_STREAM;
            default -> Flags.FILETYPE_UNKNOWN;
        };
    }

    /** Writes the preview1 {@code filestat} (64 bytes), or {@code wasi_unstable}'s (56 bytes, a 32-bit link count). */
    void write(GuestMemory memory, int pointer, Abi abi) {
        memory.offset(pointer, abi.filestatSize());
        memory.putI64(pointer, device);
        memory.putI64(pointer + 8, inode);
        memory.putI64(pointer + 16, 0);
        memory.putU8(pointer + 16, filetype);
        if (abi == Abi.UNSTABLE) {
            memory.putI32(pointer + 20, (int) links);
            memory.putI64(pointer + 24, size);
            memory.putI64(pointer + 32, accessed);
            memory.putI64(pointer + 40, modified);
            memory.putI64(pointer + 48, changed);
        } else {
            memory.putI64(pointer + 24, links);
            memory.putI64(pointer + 32, size);
            memory.putI64(pointer + 40, accessed);
            memory.putI64(pointer + 48, modified);
            memory.putI64(pointer + 56, changed);
        }
    }
}
