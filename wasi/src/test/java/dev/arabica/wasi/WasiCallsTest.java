package dev.arabica.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Trap;
import dev.arabica.text.Wat;
import dev.arabica.wasi.preview1.Errno;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour of the preview1 calls, made raw through {@link Guest}. */
class WasiCallsTest {

    static final long ALL = (1L << 30) - 1;
    static final int CREAT = 1;
    static final int EXCL = 4;
    static final int TRUNC = 8;
    static final int APPEND = 1;

    @TempDir
    Path dir;

    private Guest guest(Wasi.Builder builder) {
        return new Guest(builder.preopen(dir, "/dir").build());
    }

    private int create(Guest guest, String name, String content) {
        Guest.Opened opened = guest.open(3, 1, name, CREAT | TRUNC, ALL, ALL, 0);
        assertThat(opened.errno()).isZero();
        assertThat(guest.write(opened.fd(), content.getBytes(StandardCharsets.UTF_8))).isZero();
        return opened.fd();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void everyPreview1FunctionIsDefinedUnderBothModuleNames(ExecutionMode mode) {
        Wasi wasi = Wasi.builder().build();
        assertThat(Guest.SIGNATURES).hasSize(46);
        new Guest(wasi, "wasi_snapshot_preview1", mode);
        new Guest(wasi, "wasi_unstable", mode);
    }

    @Test
    void argumentsAndEnvironmentAreNulTerminatedStringsWithPointers() {
        Guest guest = guest(Wasi.builder().arguments("prog", "één").env("A", "1").env("LONG", "x=y"));
        int count = guest.alloc(4);
        int size = guest.alloc(4);
        assertThat(guest.call("args_sizes_get", count, size)).isZero();
        assertThat(guest.i32(count)).isEqualTo(2);
        assertThat(guest.i32(size)).isEqualTo(5 + 6);
        int pointers = guest.alloc(8);
        int buffer = guest.alloc(12);
        assertThat(guest.call("args_get", pointers, buffer)).isZero();
        assertThat(guest.readString(guest.i32(pointers + 4), 5)).isEqualTo("één");
        assertThat(guest.call("environ_sizes_get", count, size)).isZero();
        assertThat(guest.i32(count)).isEqualTo(2);
        assertThat(guest.call("environ_get", pointers, guest.alloc(16))).isZero();
        assertThat(guest.readString(guest.i32(pointers + 4), 8)).isEqualTo("LONG=x=y");
    }

    @Test
    void pointersPastTheEndOfMemoryFailWithEfault() {
        Guest guest = guest(Wasi.builder().arguments("prog"));
        assertThat(guest.call("args_sizes_get", 16 * 65536 - 2, 0)).isEqualTo(Errno.EFAULT.code());
        assertThat(guest.call("random_get", 16 * 65536 - 10, 11)).isEqualTo(Errno.EFAULT.code());
    }

    @Test
    void preopensAreFoundByPrestat() {
        Guest guest = guest(Wasi.builder());
        int prestat = guest.alloc(8);
        assertThat(guest.call("fd_prestat_get", 3, prestat)).isZero();
        assertThat(guest.i32(prestat + 4)).isEqualTo(4);
        int name = guest.alloc(4);
        assertThat(guest.call("fd_prestat_dir_name", 3, name, 4)).isZero();
        assertThat(guest.readString(name, 4)).isEqualTo("/dir");
        assertThat(guest.call("fd_prestat_dir_name", 3, name, 3)).isEqualTo(Errno.ENAMETOOLONG.code());
        assertThat(guest.call("fd_prestat_get", 4, prestat)).isEqualTo(Errno.EBADF.code());
        assertThat(guest.call("fd_prestat_get", 1, prestat)).isEqualTo(Errno.EBADF.code());
    }

    @Test
    void seekOnEveryWhenceAndTell() {
        Guest guest = guest(Wasi.builder());
        int fd = create(guest, "f", "0123456789");
        int position = guest.alloc(8);
        assertThat(guest.call("fd_seek", fd, 2, 0, position)).isZero();
        assertThat(guest.i64(position)).isEqualTo(2);
        assertThat(guest.call("fd_seek", fd, 3, 1, position)).isZero();
        assertThat(guest.i64(position)).isEqualTo(5);
        assertThat(guest.call("fd_seek", fd, -1, 2, position)).isZero();
        assertThat(guest.i64(position)).isEqualTo(9);
        assertThat(guest.call("fd_tell", fd, position)).isZero();
        assertThat(guest.i64(position)).isEqualTo(9);
        assertThat(guest.call("fd_seek", fd, -20, 1, position)).isEqualTo(Errno.EINVAL.code());
        assertThat(guest.call("fd_seek", fd, 0, 3, position)).isEqualTo(Errno.EINVAL.code());
        assertThat(guest.call("fd_seek", 1, 0, 0, position)).isEqualTo(Errno.ESPIPE.code());
    }

    @Test
    void unstableNumbersWhenceDifferently() {
        Guest guest = new Guest(Wasi.builder().preopen(dir, "/dir").build(), "wasi_unstable", ExecutionMode.COMPILER);
        int fd = create(guest, "f", "0123456789");
        int position = guest.alloc(8);
        assertThat(guest.call("fd_seek", fd, 4, 2, position)).isZero();
        assertThat(guest.i64(position)).isEqualTo(4);
        assertThat(guest.call("fd_seek", fd, -2, 1, position)).isZero();
        assertThat(guest.i64(position)).isEqualTo(8);
        assertThat(guest.call("fd_seek", fd, 1, 0, position)).isZero();
        assertThat(guest.i64(position)).isEqualTo(9);
    }

    @Test
    void filestatLayoutsOfBothAbis() throws IOException {
        Files.writeString(dir.resolve("f"), "12345");
        Files.createLink(dir.resolve("g"), dir.resolve("f"));
        Guest preview1 = guest(Wasi.builder());
        int stat = preview1.alloc(64);
        assertThat(preview1.call("path_filestat_get", 3, 0, preview1.string("f"), 1, stat)).isZero();
        assertThat(preview1.read(stat + 16, 1)[0]).isEqualTo((byte) 4);
        assertThat(preview1.i64(stat + 24)).isEqualTo(2);
        assertThat(preview1.i64(stat + 32)).isEqualTo(5);
        Guest unstable = new Guest(Wasi.builder().preopen(dir, "/dir").build(), "wasi_unstable",
                ExecutionMode.COMPILER);
        stat = unstable.alloc(56);
        assertThat(unstable.call("path_filestat_get", 3, 0, unstable.string("f"), 1, stat)).isZero();
        assertThat(unstable.i32(stat + 20)).isEqualTo(2);
        assertThat(unstable.i64(stat + 24)).isEqualTo(5);
    }

    @Test
    void readdirResumesFromCookiesAndTruncatesTheLastEntry() throws IOException {
        for (String name : new String[] {"alpha", "beta", "gamma"}) {
            Files.writeString(dir.resolve(name), name);
        }
        Guest guest = guest(Wasi.builder());
        int buffer = guest.alloc(256);
        int used = guest.alloc(4);
        assertThat(guest.call("fd_readdir", 3, buffer, 60, 0, used)).isZero();
        assertThat(guest.i32(used)).isEqualTo(60);
        assertThat(guest.i64(buffer)).isEqualTo(1);
        assertThat(guest.readString(buffer + 24, 1)).isEqualTo(".");
        assertThat(guest.i64(buffer + 25)).isEqualTo(2);
        assertThat(guest.call("fd_readdir", 3, buffer, 256, 2, used)).isZero();
        assertThat(guest.i32(used)).isEqualTo(3 * 24 + 5 + 4 + 5);
        assertThat(guest.readString(buffer + 24, 5)).isEqualTo("alpha");
        assertThat(guest.i32(buffer + 16)).isEqualTo(5);
        assertThat(guest.read(buffer + 20, 1)[0]).isEqualTo((byte) 4);
        assertThat(guest.call("fd_readdir", 3, buffer, 256, 5, used)).isZero();
        assertThat(guest.i32(used)).isZero();
    }

    @Test
    void exclusiveCreateTruncateAndAppend() throws IOException {
        Guest guest = guest(Wasi.builder());
        create(guest, "f", "hello");
        assertThat(guest.open(3, 0, "f", CREAT | EXCL, ALL, ALL, 0).errno()).isEqualTo(Errno.EEXIST.code());
        Guest.Opened appending = guest.open(3, 0, "f", 0, ALL, ALL, APPEND);
        assertThat(guest.write(appending.fd(), " world".getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("hello world");
        assertThat(guest.open(3, 0, "f", TRUNC, ALL, ALL, 0).errno()).isZero();
        assertThat(Files.size(dir.resolve("f"))).isZero();
    }

    @Test
    void positionalIoLeavesTheOffsetAlone() throws IOException {
        Guest guest = guest(Wasi.builder());
        int fd = create(guest, "f", "abcdef");
        int iovec = guest.alloc(8);
        guest.memory().writeInt(iovec, guest.string("XY"));
        guest.memory().writeInt(iovec + 4, 2);
        int count = guest.alloc(4);
        assertThat(guest.call("fd_pwrite", fd, iovec, 1, 1, count)).isZero();
        assertThat(guest.i32(count)).isEqualTo(2);
        int position = guest.alloc(8);
        guest.call("fd_tell", fd, position);
        assertThat(guest.i64(position)).isEqualTo(6);
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("aXYdef");
        int buffer = guest.alloc(4);
        guest.memory().writeInt(iovec, buffer);
        guest.memory().writeInt(iovec + 4, 4);
        assertThat(guest.call("fd_pread", fd, iovec, 1, 4, count)).isZero();
        assertThat(guest.readString(buffer, guest.i32(count))).isEqualTo("ef");
    }

    @Test
    void setSizeGrowsWithZerosAndShrinksWithoutMovingTheOffset() throws IOException {
        Guest guest = guest(Wasi.builder());
        int fd = create(guest, "f", "abcdef");
        assertThat(guest.call("fd_filestat_set_size", fd, 10)).isZero();
        assertThat(Files.readAllBytes(dir.resolve("f"))).containsExactly('a', 'b', 'c', 'd', 'e', 'f', 0, 0, 0, 0);
        assertThat(guest.call("fd_filestat_set_size", fd, 2)).isZero();
        int position = guest.alloc(8);
        guest.call("fd_tell", fd, position);
        assertThat(guest.i64(position)).isEqualTo(6);
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("ab");
    }

    @Test
    void setTimesToGivenValues() throws IOException {
        Files.writeString(dir.resolve("f"), "x");
        Guest guest = guest(Wasi.builder());
        long accessed = 1_000_000_000_000_000_000L;
        long modified = 1_200_000_000_123_456_789L;
        assertThat(guest.call("path_filestat_set_times", 3, 0, guest.string("f"), 1, accessed, modified, 1 | 4))
                .isZero();
        FileTime mtime = Files.getLastModifiedTime(dir.resolve("f"));
        assertThat(mtime.to(TimeUnit.SECONDS)).isEqualTo(1_200_000_000L);
        assertThat(guest.call("path_filestat_set_times", 3, 0, guest.string("f"), 1, 0, 0, 4 | 8))
                .isEqualTo(Errno.EINVAL.code());
    }

    @Test
    void renumberMovesADescriptorOverAnother() {
        Guest guest = guest(Wasi.builder());
        int first = create(guest, "a", "a");
        int second = create(guest, "b", "b");
        assertThat(guest.call("fd_renumber", first, second)).isZero();
        assertThat(guest.call("fd_close", first)).isEqualTo(Errno.EBADF.code());
        assertThat(guest.call("fd_renumber", second, 99)).isEqualTo(Errno.EBADF.code());
    }

    @Test
    void standardStreamsAreBoundToJavaStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Guest guest = guest(Wasi.builder().stdin("line one\n".getBytes(StandardCharsets.UTF_8)).stdout(out));
        assertThat(new String(guest.readFully(0, 100), StandardCharsets.UTF_8)).isEqualTo("line one\n");
        assertThat(guest.readFully(0, 100)).isEmpty();
        assertThat(guest.write(1, "to stdout".getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("to stdout");
        assertThat(guest.write(0, new byte[1])).isEqualTo(Errno.ENOTCAPABLE.code());
    }

    @Test
    void grantedClocksAndRandomness() {
        Instant fixed = Instant.parse("2024-02-29T12:00:00.5Z");
        Guest guest = guest(Wasi.builder().wallClock(InstantSource.fixed(fixed)).monotonicClock(() -> 42)
                .random(new Random(7)));
        int time = guest.alloc(8);
        assertThat(guest.call("clock_time_get", 0, 1, time)).isZero();
        assertThat(guest.i64(time)).isEqualTo(fixed.getEpochSecond() * 1_000_000_000L + 500_000_000L);
        assertThat(guest.call("clock_time_get", 1, 1, time)).isZero();
        assertThat(guest.i64(time)).isEqualTo(42);
        assertThat(guest.call("clock_time_get", 9, 1, time)).isEqualTo(Errno.EINVAL.code());
        int buffer = guest.alloc(16);
        assertThat(guest.call("random_get", buffer, 16)).isZero();
        byte[] expected = new byte[16];
        new Random(7).nextBytes(expected);
        assertThat(guest.read(buffer, 16)).isEqualTo(expected);
    }

    @Test
    void pollSleepsUntilTheClockAndReportsFilesAtOnce() {
        Guest guest = guest(Wasi.builder());
        int subscription = guest.alloc(48);
        guest.memory().writeLong(subscription, 77);
        guest.memory().writeByte(subscription + 8, (byte) 0);
        guest.memory().writeInt(subscription + 16, 1);
        guest.memory().writeLong(subscription + 24, 30_000_000L);
        int events = guest.alloc(64);
        int count = guest.alloc(4);
        long start = System.nanoTime();
        assertThat(guest.call("poll_oneoff", subscription, events, 1, count)).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L);
        assertThat(guest.i32(count)).isEqualTo(1);
        assertThat(guest.i64(events)).isEqualTo(77);
        int both = guest.alloc(96);
        guest.memory().write(both, guest.read(subscription, 48));
        guest.memory().writeLong(both + 24, 10_000_000_000L);
        guest.memory().writeLong(both + 48, 78);
        guest.memory().writeByte(both + 56, (byte) 2);
        guest.memory().writeInt(both + 64, 1);
        start = System.nanoTime();
        assertThat(guest.call("poll_oneoff", both, events, 2, count)).isZero();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThat(guest.i32(count)).isEqualTo(1);
        assertThat(guest.i64(events)).isEqualTo(78);
        assertThat(guest.call("poll_oneoff", both, events, 0, count)).isEqualTo(Errno.EINVAL.code());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void procExitReachesTheEmbedderAsAValue(ExecutionMode mode) {
        Guest guest = new Guest(Wasi.builder().build(), "wasi_snapshot_preview1", mode);
        assertThatThrownBy(() -> guest.call("proc_exit", 3)).isInstanceOfSatisfying(WasiExit.class,
                exit -> assertThat(exit.exitCode()).isEqualTo(3));
        assertThat(guest.call("sched_yield")).isZero();
    }

    @Test
    void guestsSideBySideSeeOnlyTheirOwnGrants(@TempDir Path otherDir) throws IOException {
        Files.writeString(dir.resolve("mine"), "first");
        Files.writeString(otherDir.resolve("theirs"), "second");
        Guest first = guest(Wasi.builder());
        Guest second = new Guest(Wasi.builder().preopen(otherDir, "/dir").build());
        assertThat(first.open(3, 0, "mine", 0, ALL, ALL, 0).errno()).isZero();
        assertThat(first.open(3, 0, "theirs", 0, ALL, ALL, 0).errno()).isEqualTo(Errno.ENOENT.code());
        assertThat(second.open(3, 0, "theirs", 0, ALL, ALL, 0).errno()).isZero();
        assertThat(second.open(3, 0, "mine", 0, ALL, ALL, 0).errno()).isEqualTo(Errno.ENOENT.code());
    }

    @Test
    void aModuleWithoutMemoryTrapsOnCallsThatNeedIt() {
        Engine engine = Engine.builder().build();
        Store store = new Store(engine);
        Linker linker = new Linker(engine);
        Wasi.builder().build().addTo(linker, store);
        var instance = linker.instantiate(store, engine.compile(Wat.parseModule("""
                (module
                  (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
                  (func (export "run") (result i32) (call $sizes (i32.const 0) (i32.const 4))))""")));
        assertThatThrownBy(() -> instance.func("run").call(store)).isInstanceOf(Trap.class)
                .hasMessageContaining("args_sizes_get").hasMessageContaining("export its memory");
    }
}
