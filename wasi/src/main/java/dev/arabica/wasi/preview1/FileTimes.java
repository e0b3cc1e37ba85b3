package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Sets access and modification times from preview1's {@code fstflags}. */
final class FileTimes {

    private FileTimes() {
    }

    /** Sets the times of {@code path} itself (a symlink there is not followed). */
    static void set(Path path, long accessNanos, long modifiedNanos, int fstflags) throws IOException {
        if ((fstflags & ~(Flags.FST_ATIM | Flags.FST_ATIM_NOW | Flags.FST_MTIM | Flags.FST_MTIM_NOW)) != 0
                || (fstflags & (Flags.FST_ATIM | Flags.FST_ATIM_NOW)) == (Flags.FST_ATIM | Flags.FST_ATIM_NOW)
                || (fstflags & (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) == (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) {
            throw new WasiError(Errno.EINVAL);
        }
        FileTime now = FileTime.from(Instant.now());
        FileTime accessed = choose(fstflags, Flags.FST_ATIM, Flags.FST_ATIM_NOW, accessNanos, now);
        FileTime modified = choose(fstflags, Flags.FST_MTIM, Flags.FST_MTIM_NOW, modifiedNanos, now);
        if (accessed == null && modified == null) {
            return;
        }
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(modified, accessed, null);
    }

    private static FileTime choose(int fstflags, int given, int current, long nanos, FileTime now) {
        if ((fstflags & current) != 0) {
            return now;
        }
        return (fstflags & given) != 0 ? FileTime.from(nanos, TimeUnit.NANOSECONDS) : null;
    }
}
