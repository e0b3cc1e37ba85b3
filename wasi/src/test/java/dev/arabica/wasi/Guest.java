package dev.arabica.wasi;

import dev.arabica.runtime.Engine;
import dev.arabica.runtime.ExecutionMode;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Memory;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import dev.arabica.text.Wat;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module that imports every preview1 function and exports a wrapper for each, so that a test can
 * make raw WASI calls with pointers into the module's memory.
 */
final class Guest {

    /** Every preview1 function and its parameters: {@code i} an i32, {@code I} an i64. */
    static final Map<String, String> SIGNATURES = new LinkedHashMap<>();

    static {
        String[] table = {
            "args_get ii", "args_sizes_get ii", "environ_get ii", "environ_sizes_get ii",
            "clock_res_get ii", "clock_time_get iIi",
            "fd_advise iIIi", "fd_allocate iII", "fd_close i", "fd_datasync i", "fd_fdstat_get ii",
            "fd_fdstat_set_flags ii", "fd_fdstat_set_rights iII", "fd_filestat_get ii", "fd_filestat_set_size iI",
            "fd_filestat_set_times iIIi", "fd_pread iiiIi", "fd_prestat_get ii", "fd_prestat_dir_name iii",
            "fd_pwrite iiiIi", "fd_read iiii", "fd_readdir iiiIi", "fd_renumber ii", "fd_seek iIii", "fd_sync i",
            "fd_tell ii", "fd_write iiii",
            "path_create_directory iii", "path_filestat_get iiiii", "path_filestat_set_times iiiiIIi",
            "path_link iiiiiii", "path_open iiiiiIIii", "path_readlink iiiiii", "path_remove_directory iii",
            "path_rename iiiiii", "path_symlink iiiii", "path_unlink_file iii",
            "poll_oneoff iiii", "proc_exit i", "proc_raise i", "random_get ii", "sched_yield ",
            "sock_accept iii", "sock_recv iiiiii", "sock_send iiiii", "sock_shutdown ii"};
        for (String entry : table) {
            int space = entry.indexOf(' ');
            SIGNATURES.put(entry.substring(0, space), entry.substring(space + 1));
        }
    }

    private static final int HEAP_START = 1024;

    private final Store store;
    private final Instance instance;
    private int next = HEAP_START;

    Guest(Wasi wasi, String module, ExecutionMode mode) {
        Engine engine = Engine.builder().mode(mode).build();
        store = new Store(engine);
        Linker linker = new Linker(engine);
        wasi.addTo(linker, store);
        instance = linker.instantiate(store, engine.compile(Wat.parseModule(wrapperModule(module))));
    }

    Guest(Wasi wasi) {
        this(wasi, "wasi_snapshot_preview1", ExecutionMode.COMPILER);
    }

    private static String wrapperModule(String module) {
        StringBuilder text = new StringBuilder("(module\n");
        SIGNATURES.forEach((name, params) -> {
            String results = name.equals("proc_exit") ? "" : " (result i32)";
            text.append("  (import \"").append(module).append("\" \"").append(name).append("\" (func $").append(name)
                    .append(paramList(params)).append(results).append("))\n");
        });
        text.append("  (memory (export \"memory\") 16)\n");
        SIGNATURES.forEach((name, params) -> {
            String results = name.equals("proc_exit") ? "" : " (result i32)";
            text.append("  (func (export \"").append(name).append("\")").append(paramList(params)).append(results);
            for (int i = 0; i < params.length(); i++) {
                text.append(" local.get ").append(i);
            }
            text.append(" call $").append(name).append(")\n");
        });
        return text.append(")").toString();
    }

    private static String paramList(String params) {
        StringBuilder list = new StringBuilder();
        for (char letter : params.toCharArray()) {
            list.append(letter == 'I' ? " (param i64)" : " (param i32)");
        }
        return list.toString();
    }

    /** Calls a WASI function with integer arguments converted to its parameter types; returns the errno. */
    int call(String name, long... args) {
        String params = SIGNATURES.get(name);
        Value[] values = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = params.charAt(i) == 'I' ? Value.i64(args[i]) : Value.i32((int) args[i]);
        }
        Func func = instance.func(name);
        Value[] results = func.call(store, values);
        return results.length == 0 ? 0 : results[0].asInt();
    }

    Memory memory() {
        return instance.memory("memory");
    }

    /** Reserves {@code size} bytes of guest memory, 8-byte aligned. */
    int alloc(int size) {
        int pointer = next;
        next = (next + size + 7) & ~7;
        return pointer;
    }

    int bytes(byte[] data) {
        int pointer = alloc(data.length);
        memory().write(pointer, data);
        return pointer;
    }

    /** Writes a string; returns its pointer. Its length is {@link #length(String)}. */
    int string(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    int i32(int pointer) {
        return memory().readInt(pointer);
    }

    long i64(int pointer) {
        return memory().readLong(pointer);
    }

    byte[] read(int pointer, int length) {
        return memory().read(pointer, length);
    }

    String readString(int pointer, int length) {
        return new String(read(pointer, length), StandardCharsets.UTF_8);
    }

    /** A path_open result: the errno, and the new descriptor when it is 0. */
    record Opened(int errno, int fd) {
    }

    Opened open(int dirfd, int lookupflags, String path, int oflags, long rightsBase, long rightsInheriting,
            int fdflags) {
        int out = alloc(4);
        int errno = call("path_open", dirfd, lookupflags, string(path), length(path), oflags, rightsBase,
                rightsInheriting, fdflags, out);
        return new Opened(errno, errno == 0 ? i32(out) : -1);
    }

    /** Calls a function whose arguments are a descriptor and one path. */
    int pathCall(String name, int dirfd, String path) {
        return call(name, dirfd, string(path), length(path));
    }

    /** Writes {@code data} through {@code fd_write}; returns the errno. */
    int write(int fd, byte[] data) {
        int iovec = alloc(8);
        memory().writeInt(iovec, bytes(data));
        memory().writeInt(iovec + 4, data.length);
        return call("fd_write", fd, iovec, 1, alloc(4));
    }

    /** Reads up to {@code size} bytes through {@code fd_read}; returns them, or throws if the call fails. */
    byte[] readFully(int fd, int size) {
        int buffer = alloc(size);
        int iovec = alloc(8);
        memory().writeInt(iovec, buffer);
        memory().writeInt(iovec + 4, size);
        int count = alloc(4);
        int errno = call("fd_read", fd, iovec, 1, count);
        if (errno != 0) {
            throw new AssertionError("fd_read failed with errno " + errno);
        }
        return read(buffer, i32(count));
    }
}
