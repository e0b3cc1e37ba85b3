package dev.arabica.cli;

import dev.arabica.format.WasmFormatException;
import dev.arabica.format.binary.ModuleDecoder;
import dev.arabica.format.model.Module;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.LinkException;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.Value;
import dev.arabica.text.TextParseException;
import dev.arabica.text.Wat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabica run}: instantiates a module and calls an export, printing its results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a WebAssembly module (.wasm or .wat).",
            "With --invoke, calls that export with ARGS parsed by its parameter types and prints each result",
            "on its own line; without it, calls the _start export. A trap prints its message and WebAssembly",
            "backtrace to stderr and exits with status 1."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--invoke", paramLabel = "NAME", description = "The export to call.")
    String invoke;

    @Parameters(index = "0", paramLabel = "FILE", description = "The module.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the invoked function.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Engine engine = Engine.builder().build();
        Module module;
        try {
            byte[] bytes = Files.readAllBytes(file);
            module = ModuleFiles.isBinary(bytes) ? ModuleDecoder.decode(bytes, engine.features())
                    : Wat.parseModule(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("cannot read: " + e.getMessage());
        } catch (WasmFormatException e) {
            return fail(e.describe());
        } catch (TextParseException e) {
            return fail(e.getMessage());
        }
        try {
            CompiledModule compiled = engine.compile(module);
            Store store = new Store(engine);
            Instance instance = new Linker(engine).instantiate(store, compiled);
            String name = invoke != null ? invoke : "_start";
            if (instance.export(name).isEmpty() || !(instance.export(name).get() instanceof Func func)) {
                return fail(invoke != null ? "no exported function \"" + invoke + "\""
                        : "no --invoke given and the module exports no _start function");
            }
            for (Value result : func.call(store, arguments(func))) {
                System.out.println(format(result));
            }
            return 0;
        } catch (WasmFormatException e) {
            return fail(e.describe());
        } catch (LinkException | IllegalArgumentException e) {
            return fail(e.getMessage());
        } catch (Trap trap) {
            System.err.println(file + ": trap: " + trap.describe());
            return 1;
        }
    }

    private Value[] arguments(Func func) {
        List<ValType> params = func.type().params();
        if (args.size() != params.size()) {
            throw new IllegalArgumentException("\"" + invoke + "\" takes " + params.size() + " arguments of types "
                    + params + ", got " + args.size());
        }
        Value[] values = new Value[params.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parse(args.get(i), params.get(i));
        }
        return values;
    }

    private static Value parse(String text, ValType type) {
        try {
            if (type == NumType.I32) {
                return Value.i32((int) Long.decode(text).longValue());
            } else if (type == NumType.I64) {
                return Value.i64(Long.decode(text));
            } else if (type == NumType.F32) {
                return Value.f32(Float.parseFloat(text));
            } else if (type == NumType.F64) {
                return Value.f64(Double.parseDouble(text));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument \"" + text + "\" is not a valid " + type);
        }
        throw new IllegalArgumentException("arguments of type " + type + " cannot be given on the command line");
    }

    private static String format(Value value) {
        ValType type = value.type();
        if (type == NumType.I32) {
            return Integer.toString(value.asInt());
        } else if (type == NumType.I64) {
            return Long.toString(value.asLong());
        } else if (type == NumType.F32) {
            return Float.toString(value.asFloat());
        } else if (type == NumType.F64) {
            return Double.toString(value.asDouble());
        }
        return value.toString();
    }

    private int fail(String message) {
        System.err.println(file + ": " + message);
        return 2;
    }
}
