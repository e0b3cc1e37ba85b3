package dev.arabica.wasi.preview1;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code args_*} and {@code environ_*}: NUL-terminated UTF-8 strings and an array of pointers to them. */
final class EnvironmentCalls {

    private final WasiContext context;

    EnvironmentCalls(WasiContext context) {
        this.context = context;
    }

    void register(Registry registry) {
        List<String> arguments = context.capabilities().arguments();
        List<String> environment = context.capabilities().environment();
        registry.add("args_get", "ii", a -> write(a.memory(), arguments, a.i32(0), a.i32(1)));
        registry.add("args_sizes_get", "ii", a -> sizes(a.memory(), arguments, a.i32(0), a.i32(1)));
        registry.add("environ_get", "ii", a -> write(a.memory(), environment, a.i32(0), a.i32(1)));
        registry.add("environ_sizes_get", "ii", a -> sizes(a.memory(), environment, a.i32(0), a.i32(1)));
    }

    private static int write(GuestMemory memory, List<String> strings, int pointers, int buffer) {
        memory.offset(pointers, 4L * strings.size());
        int next = buffer;
        for (int i = 0; i < strings.size(); i++) {
            byte[] bytes = terminated(strings.get(i));
            memory.put(next, bytes);
            memory.putI32(pointers + 4 * i, next);
            next += bytes.length;
        }
        return 0;
    }

    private static int sizes(GuestMemory memory, List<String> strings, int countPointer, int sizePointer) {
        int size = 0;
        for (String string : strings) {
            size += terminated(string).length;
        }
        memory.putI32(countPointer, strings.size());
        memory.putI32(sizePointer, size);
        return 0;
    }

    private static byte[] terminated(String string) {
        byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNul, 0, bytes.length);
        return withNul;
    }
}
