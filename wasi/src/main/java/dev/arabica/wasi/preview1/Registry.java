package dev.arabica.wasi.preview1;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The preview1 functions of one ABI by name, each with its parameter signature and body. */
final class Registry {

    /** A WASI function: returns an errno, or throws {@link WasiError} or an {@link IOException} that maps to one. */
    @FunctionalInterface
    interface Call {
        int call(Args args) throws IOException;
    }

    /** {@code params} has one letter per parameter: {@code i} for i32, {@code I} for i64. */
    record Entry(String params, boolean returnsErrno, Call body) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    void add(String name, String params, Call body) {
        entries.put(name, new Entry(params, true, body));
    }

    /** A function with no result, such as {@code proc_exit}. */
    void addWithoutResult(String name, String params, Call body) {
        entries.put(name, new Entry(params, false, body));
    }

    Map<String, Entry> entries() {
        return entries;
    }
}
