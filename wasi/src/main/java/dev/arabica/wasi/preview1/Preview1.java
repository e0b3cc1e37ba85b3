package dev.arabica.wasi.preview1;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 46 functions of {@code wasi_snapshot_preview1}, and their {@code wasi_unstable} forms, for
 * one guest with the given capabilities.
 */
public final class Preview1 implements AutoCloseable {

    private static final Value[] NO_RESULTS = new Value[0];

    private final WasiContext context;

    public Preview1(Capabilities capabilities) {
        this.context = new WasiContext(capabilities);
    }

    /** Defines every function under both module names, for instances created in {@code store}. */
    public void define(Linker linker, Store store) {
        for (Abi abi : Abi.values()) {
            for (Map.Entry<String, Registry.Entry> function : functions(abi).entries().entrySet()) {
                define(linker, store, abi.moduleName(), function.getKey(), function.getValue());
            }
        }
    }

    private Registry functions(Abi abi) {
        return functions(abi, context);
    }

    private static Registry functions(Abi abi, WasiContext context) {
        Registry registry = new Registry();
        new EnvironmentCalls(context).register(registry);
        new ClockCalls(context).register(registry);
        new FdCalls(context).register(registry, abi);
        new FdInfoCalls(context).register(registry, abi);
        new PathCalls(context).register(registry, abi);
        new PathOpen(context).register(registry);
        new PollCalls(context).register(registry, abi);
        new ProcessCalls(context).register(registry);
        new SocketCalls(context).register(registry);
        return registry;
    }

    private static void define(Linker linker, Store store, String module, String name, Registry.Entry entry) {
        List<ValType> params = new ArrayList<>();
        for (char letter : entry.params().toCharArray()) {
            params.add(letter == 'I' ? NumType.I64 : NumType.I32);
        }
        FuncType type = new FuncType(params, entry.returnsErrno() ? List.of(NumType.I32) : List.of());
        linker.func(store, module, name, type, (caller, values) -> {
            int errno = run(entry.body(), new Args(name, caller, values));
            return entry.returnsErrno() ? new Value[] {Value.i32(errno)} : NO_RESULTS;
        });
    }

    private static int run(Registry.Call body, Args args) {
        try {
            return body.call(args);
        } catch (WasiError e) {
            return e.errno().code();
        } catch (IOException e) {
            return IoErrors.errno(e).code();
        } catch (UncheckedIOException e) {
            return IoErrors.errno(e.getCause()).code();
        } catch (NonReadableChannelException | NonWritableChannelException e) {
            return Errno.EBADF.code();
        } catch (InvalidPathException e) {
            return Errno.EINVAL.code();
        }
    }

    /** Closes every descriptor the guest still holds and flushes its output streams. */
    @Override
    public void close() throws IOException {
        context.descriptors().closeAll();
    }
}
