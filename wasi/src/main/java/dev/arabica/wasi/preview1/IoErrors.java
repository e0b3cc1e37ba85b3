package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Map;

/**
 * Maps the JDK's I/O exceptions to errnos. The JDK turns only a few errnos into exception types;
 * the rest arrive as a {@link FileSystemException} whose reason is the C library's message, which
 * is matched here.
 */
final class IoErrors {

    private static final Map<String, Errno> REASONS = Map.ofEntries(
            Map.entry("Not a directory", Errno.ENOTDIR),
            Map.entry("Is a directory", Errno.EISDIR),
            Map.entry("Directory not empty", Errno.ENOTEMPTY),
            Map.entry("Invalid argument", Errno.EINVAL),
            Map.entry("Invalid cross-device link", Errno.EXDEV),
            Map.entry("Operation not permitted", Errno.EPERM),
            Map.entry("Permission denied", Errno.EACCES),
            Map.entry("File name too long", Errno.ENAMETOOLONG),
            Map.entry("No space left on device", Errno.ENOSPC),
            Map.entry("Disk quota exceeded", Errno.EDQUOT),
            Map.entry("Read-only file system", Errno.EROFS),
            Map.entry("Too many levels of symbolic links", Errno.ELOOP),
            Map.entry("Device or resource busy", Errno.EBUSY),
            Map.entry("Too many links", Errno.EMLINK),
            Map.entry("File too large", Errno.EFBIG),
            Map.entry("Text file busy", Errno.ETXTBSY),
            Map.entry("Bad file descriptor", Errno.EBADF),
            Map.entry("No such file or directory", Errno.ENOENT),
            Map.entry("File exists", Errno.EEXIST),
            Map.entry("Too many open files", Errno.EMFILE));

    private IoErrors() {
    }

    static WasiError toWasi(IOException exception) {
        return new WasiError(errno(exception));
    }

    static Errno errno(IOException exception) {
        if (exception instanceof NoSuchFileException) {
            return Errno.ENOENT;
        } else if (exception instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        } else if (exception instanceof DirectoryNotEmptyException) {
            return Errno.ENOTEMPTY;
        } else if (exception instanceof AccessDeniedException) {
            return Errno.EACCES;
        } else if (exception instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        } else if (exception instanceof NotLinkException) {
            return Errno.EINVAL;
        } else if (exception instanceof FileSystemLoopException) {
            return Errno.ELOOP;
        } else if (exception instanceof ClosedChannelException) {
            return Errno.EBADF;
        }
        String reason = exception instanceof FileSystemException fileSystem ? fileSystem.getReason() : null;
        return fromMessage(reason != null ? reason : exception.getMessage());
    }

    /** The errno whose C library message the text holds, or {@code EIO} if none does. */
    private static Errno fromMessage(String text) {
        if (text != null) {
            for (Map.Entry<String, Errno> entry : REASONS.entrySet()) {
                if (text.contains(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return Errno.EIO;
    }
}
