package dev.arabica.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arabica.wasi.preview1.Errno;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape and permission cases: each is refused with the errno given, and afterwards the host
 * directories outside the preopens, and the read-only preopen, are exactly as they were.
 */
class SandboxTest {

    static final long FD_READ = 1L << 1;
    static final long FD_WRITE = 1L << 6;
    static final long ALL = (1L << 30) - 1;
    static final int FOLLOW = 1;
    static final int CREAT = 1;
    static final int DIRECTORY = 2;
    static final int EXCL = 4;
    static final int TRUNC = 8;
    static final int SANDBOX = 3;
    static final int READ_ONLY = 4;
    static final int OTHER = 5;

    @TempDir
    Path root;

    private Path outside;
    private Path sandbox;
    private Path readOnly;
    private Path other;
    private Map<String, String> outsideBefore;
    private Map<String, String> readOnlyBefore;
    private Wasi wasi;
    private Guest guest;

    @BeforeEach
    void setUp() throws IOException {
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(outside.resolve("dir"));
        Files.createSymbolicLink(outside.resolve("link"), Path.of("secret.txt"));
        sandbox = Files.createDirectories(root.resolve("sandbox"));
        Files.writeString(sandbox.resolve("file.txt"), "inside");
        Files.createDirectories(sandbox.resolve("sub"));
        Files.writeString(sandbox.resolve("sub/nested.txt"), "nested");
        Files.createSymbolicLink(sandbox.resolve("hostlink"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("abslink"), outside.resolve("secret.txt").toAbsolutePath());
        Files.createSymbolicLink(sandbox.resolve("dirlink"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(sandbox.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(sandbox.resolve("self"), Path.of("self"));
        Files.createSymbolicLink(sandbox.resolve("inlink"), Path.of("sub/nested.txt"));
        readOnly = Files.createDirectories(root.resolve("readonly"));
        Files.writeString(readOnly.resolve("data.txt"), "read only");
        Files.createDirectories(readOnly.resolve("dir"));
        Files.writeString(readOnly.resolve("dir/f.txt"), "f");
        other = Files.createDirectories(root.resolve("other"));
        outsideBefore = snapshot(outside);
        readOnlyBefore = snapshot(readOnly);
        wasi = Wasi.builder().preopen(sandbox, "/sandbox").preopenReadOnly(readOnly, "/ro").preopen(other, "/other")
                .build();
        guest = new Guest(wasi);
    }

    @AfterEach
    void nothingOutsideChanged() throws IOException {
        wasi.close();
        assertThat(snapshot(outside)).isEqualTo(outsideBefore);
        assertThat(snapshot(readOnly)).isEqualTo(readOnlyBefore);
    }

    /** Every entry below {@code directory} with its type, contents or link target, and modification time. */
    private static Map<String, String> snapshot(Path directory) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String description = attributes.isSymbolicLink() ? "link " + Files.readSymbolicLink(path)
                        : attributes.isDirectory() ? "dir" : "file " + Files.readString(path);
                entries.put(directory.relativize(path).toString(),
                        description + " @" + attributes.lastModifiedTime().toMillis());
            }
        }
        return entries;
    }

    private int open(int dirfd, int lookup, String path, int oflags, long rights) {
        return guest.open(dirfd, lookup, path, oflags, rights, rights, 0).errno();
    }

    private int openFd(int dirfd, String path, long rights) {
        Guest.Opened opened = guest.open(dirfd, FOLLOW, path, 0, rights, rights, 0);
        assertThat(opened.errno()).isZero();
        return opened.fd();
    }

    private static int errno(Errno errno) {
        return errno.code();
    }

    private int rename(int fromFd, String from, int toFd, String to) {
        return guest.call("path_rename", fromFd, guest.string(from), Guest.length(from), toFd, guest.string(to),
                Guest.length(to));
    }

    private int link(int fromFd, int lookup, String from, int toFd, String to) {
        return guest.call("path_link", fromFd, lookup, guest.string(from), Guest.length(from), toFd,
                guest.string(to), Guest.length(to));
    }

    private int symlink(String target, int fd, String path) {
        return guest.call("path_symlink", guest.string(target), Guest.length(target), fd, guest.string(path),
                Guest.length(path));
    }

    private int stat(int fd, int lookup, String path) {
        return guest.call("path_filestat_get", fd, lookup, guest.string(path), Guest.length(path), guest.alloc(64));
    }

    private int setTimes(int fd, int lookup, String path) {
        return guest.call("path_filestat_set_times", fd, lookup, guest.string(path), Guest.length(path), 0, 0,
                4 | 1);
    }

    @Test
    void dotDotOutOfThePreopen() {
        assertThat(open(SANDBOX, FOLLOW, "../outside/secret.txt", 0, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void absolutePath() {
        assertThat(open(SANDBOX, FOLLOW, outside.resolve("secret.txt").toString(), 0, FD_READ))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void dotDotAfterASubdirectory() {
        assertThat(open(SANDBOX, FOLLOW, "sub/../../outside/secret.txt", 0, FD_READ))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void dotsAndSlashesBeforeDotDot() {
        assertThat(open(SANDBOX, FOLLOW, "././/./../outside/secret.txt", 0, FD_READ))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void dotDotOfTheRootItself() {
        assertThat(open(SANDBOX, FOLLOW, "..", DIRECTORY, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void dotDotFromAnOpenedSubdirectoryStopsAtTheRoot() {
        int sub = openFd(SANDBOX, "sub", FD_READ | (1L << 13));
        assertThat(open(sub, FOLLOW, "../file.txt", 0, FD_READ)).isZero();
        assertThat(open(sub, FOLLOW, "../../outside/secret.txt", 0, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void hostMadeRelativeSymlinkOut() {
        assertThat(open(SANDBOX, FOLLOW, "hostlink", 0, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void hostMadeAbsoluteSymlinkOut() {
        assertThat(open(SANDBOX, FOLLOW, "abslink", 0, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void hostMadeDirectorySymlinkOut() {
        assertThat(open(SANDBOX, FOLLOW, "dirlink/secret.txt", 0, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void symlinkOutWithATrailingSlash() {
        assertThat(open(SANDBOX, 0, "dirlink/", DIRECTORY, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void symlinkOutNotFollowedIsTheLinkItself() {
        assertThat(open(SANDBOX, 0, "hostlink", 0, FD_READ)).isEqualTo(errno(Errno.ELOOP));
    }

    @Test
    void guestMadeSymlinkOutCannotBeFollowed() throws IOException {
        assertThat(symlink("../outside/secret.txt", SANDBOX, "escape")).isZero();
        assertThat(Files.isSymbolicLink(sandbox.resolve("escape"))).isTrue();
        assertThat(open(SANDBOX, FOLLOW, "escape", 0, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void guestMadeChainOfSymlinksOut() {
        assertThat(symlink("sub", SANDBOX, "a")).isZero();
        assertThat(symlink("../..", SANDBOX, "sub/up")).isZero();
        assertThat(open(SANDBOX, FOLLOW, "a/up/outside/secret.txt", 0, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void guestCannotCreateAnAbsoluteSymlink() {
        assertThat(symlink(outside.toString(), SANDBOX, "abs")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(Files.exists(sandbox.resolve("abs"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void symlinkLoop() {
        assertThat(open(SANDBOX, FOLLOW, "loop1", 0, FD_READ)).isEqualTo(errno(Errno.ELOOP));
    }

    @Test
    void symlinkToItself() {
        assertThat(open(SANDBOX, FOLLOW, "self", 0, FD_READ)).isEqualTo(errno(Errno.ELOOP));
    }

    @Test
    void trailingSlashOnAFile() {
        assertThat(open(SANDBOX, FOLLOW, "file.txt/", 0, FD_READ)).isEqualTo(errno(Errno.ENOTDIR));
    }

    @Test
    void fileUsedAsADirectory() {
        assertThat(open(SANDBOX, FOLLOW, "file.txt/../../outside/secret.txt", 0, FD_READ))
                .isEqualTo(errno(Errno.ENOTDIR));
    }

    @Test
    void nulByteInAPath() {
        assertThat(open(SANDBOX, FOLLOW, "file.txt\0/../../outside/secret.txt", 0, FD_READ))
                .isEqualTo(errno(Errno.EILSEQ));
    }

    @Test
    void invalidUtf8InAPath() {
        int path = guest.bytes(new byte[] {'a', (byte) 0xC3, (byte) 0x28});
        int out = guest.alloc(4);
        assertThat(guest.call("path_open", SANDBOX, FOLLOW, path, 3, 0, FD_READ, FD_READ, 0, out))
                .isEqualTo(errno(Errno.EILSEQ));
    }

    @Test
    void createThroughADirectorySymlinkOut() {
        assertThat(open(SANDBOX, FOLLOW, "dirlink/created.txt", CREAT, FD_WRITE)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void createThroughADanglingGuestSymlinkOut() {
        assertThat(symlink("../outside/created.txt", SANDBOX, "dangling")).isZero();
        assertThat(open(SANDBOX, FOLLOW, "dangling", CREAT, FD_WRITE)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void exclusiveCreateOnASymlinkOutDoesNotFollowIt() {
        assertThat(open(SANDBOX, FOLLOW, "hostlink", CREAT | EXCL, FD_WRITE)).isEqualTo(errno(Errno.EEXIST));
    }

    @Test
    void truncateThroughASymlinkOut() {
        assertThat(open(SANDBOX, FOLLOW, "hostlink", TRUNC, FD_WRITE)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void renameOutOfThePreopen() throws IOException {
        assertThat(rename(SANDBOX, "file.txt", SANDBOX, "../outside/moved.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(Files.readString(sandbox.resolve("file.txt"))).isEqualTo("inside");
    }

    @Test
    void renameFromOutsideIn() {
        assertThat(rename(SANDBOX, "../outside/secret.txt", SANDBOX, "stolen.txt"))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void renameThroughADirectorySymlinkOut() {
        assertThat(rename(SANDBOX, "file.txt", SANDBOX, "dirlink/moved.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void renameTheLinkNotItsTarget() throws IOException {
        assertThat(rename(SANDBOX, "hostlink", SANDBOX, "renamed")).isZero();
        assertThat(Files.readSymbolicLink(sandbox.resolve("renamed"))).isEqualTo(Path.of("../outside/secret.txt"));
    }

    @Test
    void renameThePreopenRoot() {
        assertThat(rename(SANDBOX, ".", SANDBOX, "elsewhere")).isEqualTo(errno(Errno.EBUSY));
    }

    @Test
    void renameAcrossPreopensStaysInside() throws IOException {
        assertThat(rename(SANDBOX, "file.txt", OTHER, "moved.txt")).isZero();
        assertThat(Files.readString(other.resolve("moved.txt"))).isEqualTo("inside");
    }

    @Test
    void linkOutOfThePreopen() {
        assertThat(link(SANDBOX, 0, "file.txt", SANDBOX, "../outside/hard.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void linkFromOutsideIn() {
        assertThat(link(SANDBOX, 0, "../outside/secret.txt", SANDBOX, "hard.txt"))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void linkFollowingASymlinkOut() {
        assertThat(link(SANDBOX, FOLLOW, "hostlink", SANDBOX, "hard.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void createDirectoryOutside() {
        assertThat(guest.pathCall("path_create_directory", SANDBOX, "../outside/newdir"))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void unlinkOutside() {
        assertThat(guest.pathCall("path_unlink_file", SANDBOX, "../outside/secret.txt"))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void unlinkThroughADirectorySymlinkOut() {
        assertThat(guest.pathCall("path_unlink_file", SANDBOX, "dirlink/secret.txt"))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void unlinkASymlinkOutRemovesOnlyTheLink() {
        assertThat(guest.pathCall("path_unlink_file", SANDBOX, "hostlink")).isZero();
        assertThat(Files.exists(sandbox.resolve("hostlink"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void removeDirectoryOutside() {
        assertThat(guest.pathCall("path_remove_directory", SANDBOX, "../outside/dir"))
                .isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void removeADirectorySymlinkOut() {
        assertThat(guest.pathCall("path_remove_directory", SANDBOX, "dirlink")).isEqualTo(errno(Errno.ENOTDIR));
    }

    @Test
    void removeThePreopenRoot() {
        assertThat(guest.pathCall("path_remove_directory", SANDBOX, ".")).isEqualTo(errno(Errno.EBUSY));
    }

    @Test
    void statOutside() {
        assertThat(stat(SANDBOX, 0, "../outside/secret.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void statFollowingASymlinkOut() {
        assertThat(stat(SANDBOX, FOLLOW, "hostlink")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(stat(SANDBOX, 0, "hostlink")).isZero();
    }

    @Test
    void setTimesOutside() {
        assertThat(setTimes(SANDBOX, 0, "../outside/secret.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void setTimesFollowingASymlinkOut() {
        assertThat(setTimes(SANDBOX, FOLLOW, "hostlink")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void readlinkOutside() {
        assertThat(guest.call("path_readlink", SANDBOX, guest.string("../outside/link"), 15, guest.alloc(64), 64,
                guest.alloc(4))).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void readDirectoryOfTheRootDoesNotStatItsParent() {
        int buffer = guest.alloc(4096);
        int used = guest.alloc(4);
        assertThat(guest.call("fd_readdir", SANDBOX, buffer, 4096, 0, used)).isZero();
        long dotInode = guest.i64(buffer + 8);
        int secondEntry = buffer + 24 + 1;
        assertThat(guest.readString(secondEntry + 24, 2)).isEqualTo("..");
        assertThat(guest.i64(secondEntry + 8)).isEqualTo(dotInode);
    }

    @Test
    void readOnlyPreopenRefusesTruncation() {
        assertThat(open(READ_ONLY, FOLLOW, "data.txt", TRUNC, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void readOnlyPreopenRefusesCreation() {
        assertThat(open(READ_ONLY, FOLLOW, "new.txt", CREAT, FD_READ)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void readOnlyPreopenRefusesWriteRights() {
        assertThat(open(READ_ONLY, FOLLOW, "data.txt", 0, FD_READ | FD_WRITE)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void readOnlyPreopenRefusesEveryChangingCall() {
        assertThat(guest.pathCall("path_remove_directory", READ_ONLY, "dir")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(guest.pathCall("path_unlink_file", READ_ONLY, "data.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(guest.pathCall("path_create_directory", READ_ONLY, "new")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(rename(READ_ONLY, "data.txt", READ_ONLY, "moved.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(symlink("data.txt", READ_ONLY, "alias")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(setTimes(READ_ONLY, 0, "data.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(link(READ_ONLY, 0, "data.txt", READ_ONLY, "hard.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void readOnlyPreopenIsNotARenameOrLinkTarget() {
        assertThat(rename(SANDBOX, "file.txt", READ_ONLY, "moved.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(link(SANDBOX, 0, "file.txt", READ_ONLY, "hard.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void readOnlyPreopenCannotBeRenamedFrom() {
        assertThat(rename(READ_ONLY, "data.txt", SANDBOX, "taken.txt")).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void writesThroughAReadOnlyDescriptor() {
        int fd = openFd(READ_ONLY, "data.txt", FD_READ);
        assertThat(guest.write(fd, "overwritten".getBytes(StandardCharsets.UTF_8))).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(guest.call("fd_filestat_set_size", fd, 0)).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(guest.call("fd_allocate", fd, 0, 100)).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(guest.call("fd_filestat_set_times", fd, 0, 0, 5)).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(new String(guest.readFully(fd, 64), StandardCharsets.UTF_8)).isEqualTo("read only");
    }

    @Test
    void writesThroughADescriptorOpenedWithoutTheRight() throws IOException {
        int fd = openFd(SANDBOX, "file.txt", FD_READ);
        assertThat(guest.write(fd, "overwritten".getBytes(StandardCharsets.UTF_8))).isEqualTo(errno(Errno.ENOTCAPABLE));
        assertThat(Files.readString(sandbox.resolve("file.txt"))).isEqualTo("inside");
    }

    @Test
    void rightsCannotBeRegained() {
        int fd = openFd(SANDBOX, "file.txt", FD_READ);
        assertThat(guest.call("fd_fdstat_set_rights", fd, FD_READ | FD_WRITE, 0)).isEqualTo(errno(Errno.ENOTCAPABLE));
    }

    @Test
    void symlinkInsideIsFollowed() {
        int fd = openFd(SANDBOX, "inlink", FD_READ);
        assertThat(new String(guest.readFully(fd, 64), StandardCharsets.UTF_8)).isEqualTo("nested");
    }

    @Test
    void directoryFlagOnAFile() {
        assertThat(open(SANDBOX, FOLLOW, "file.txt", DIRECTORY, FD_READ)).isEqualTo(errno(Errno.ENOTDIR));
    }

    @Test
    void pathCallsOnAFileDescriptor() {
        int fd = openFd(SANDBOX, "file.txt", FD_READ);
        assertThat(open(fd, FOLLOW, "x", 0, FD_READ)).isEqualTo(errno(Errno.ENOTDIR));
    }

    @Test
    void closedAndUnknownDescriptors() {
        assertThat(open(42, FOLLOW, "file.txt", 0, FD_READ)).isEqualTo(errno(Errno.EBADF));
        assertThat(guest.call("fd_close", SANDBOX)).isZero();
        assertThat(open(SANDBOX, FOLLOW, "file.txt", 0, FD_READ)).isEqualTo(errno(Errno.EBADF));
    }
}
