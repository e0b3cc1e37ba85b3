package dev.arabica.cli;

import dev.arabica.format.WasmFormatException;
import dev.arabica.format.model.NumType;
import dev.arabica.format.model.ValType;
import dev.arabica.runtime.CompiledModule;
import dev.arabica.runtime.Engine;
import dev.arabica.runtime.Func;
import dev.arabica.runtime.Instance;
import dev.arabica.runtime.LinkException;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.StoreLimits;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.Value;
import dev.arabica.text.TextParseException;
import dev.arabica.text.Wat;
import dev.arabica.wasi.Wasi;
import dev.arabica.wasi.WasiExit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabica run}: runs a WASI command, or calls one export and prints its results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a WebAssembly module (.wasm or .wat) with WASI preview1.",
            "Without --invoke, runs the command's _start (or a reactor's _initialize) with ARGS as its arguments",
            "and exits with the guest's exit code. With --invoke, calls that export with ARGS parsed by its",
            "parameter types and prints each result on its own line. The guest sees only what the flags grant:",
            "the terminal's stdin, stdout and stderr, the --dir directories and the --env variables.",
            "A trap prints its message and WebAssembly backtrace to stderr and exits with status 1."})
final class RunCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    @Option(names = "--invoke", paramLabel = "NAME", description = "The export to call.")
    String invoke;

    @Option(names = "--dir", paramLabel = "HOST[::GUEST]",
            description = "Grants a host directory, read and write, as GUEST (by default its own name).")
    List<String> directories = new ArrayList<>();

    @Option(names = "--dir-readonly", paramLabel = "HOST[::GUEST]",
            description = "Grants a host directory the guest can read but not change.")
    List<String> readOnlyDirectories = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME[=VALUE]",
            description = "Grants an environment variable; without a value, this process's value of it.")
    List<String> environment = new ArrayList<>();

    @Option(names = "--argv0", paramLabel = "NAME", description = "The program name the guest sees (default: FILE).")
    String argv0;

    @Option(names = "-W", paramLabel = "NAME=VALUE",
            description = "A limit for the guest: timeout=DURATION (e.g. 500ms, 2s, 1m) traps it with \"interrupt\" "
                    + "once that much wall time has passed; fuel=N traps it with \"all fuel consumed\" after about N "
                    + "instructions; max-wasm-stack=CALLS caps how deep its calls nest (default 10000); "
                    + "max-memory-size=BYTES caps its linear memory (a grow past it returns -1, or traps with "
                    + "trap-on-grow-failure=y).")
    Map<String, String> limits = new LinkedHashMap<>();

    @Parameters(index = "0", paramLabel = "FILE", description = "The module.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program or the invoked function.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        GuestLimits guestLimits;
        Engine engine;
        try {
            guestLimits = guestLimits();
            Engine.Builder builder = Engine.builder().epochInterruption(guestLimits.timeout() != null)
                    .consumeFuel(guestLimits.fuel() != null);
            if (guestLimits.maxWasmStack() != null) {
                builder.maxCallDepth(guestLimits.maxWasmStack());
            }
            engine = builder.build();
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        int[] exitCode = new int[1];
        Thread guest = new Thread(null, () -> exitCode[0] = run(engine, guestLimits), "guest", engine.guestStackBytes());
        guest.start();
        guest.join();
        return exitCode[0];
    }

    /** Runs the guest on a thread whose stack holds the engine's call depth limit. */
    private int run(Engine engine, GuestLimits guestLimits) {
        Duration timeout = guestLimits.timeout();
        CompiledModule compiled;
        try {
            byte[] bytes = Files.readAllBytes(file);
            compiled = ModuleFiles.isBinary(bytes) ? engine.compile(bytes)
                    : engine.compile(Wat.parseModule(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return fail("cannot read: " + e.getMessage());
        } catch (WasmFormatException e) {
            return fail(e.describe());
        } catch (TextParseException e) {
            return fail(e.getMessage());
        }
        Wasi wasi;
        try {
            wasi = wasi();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return fail(e.getMessage());
        }
        try (wasi) {
            Store store = new Store(engine, guestLimits.store());
            if (timeout != null) {
                store.setEpochDeadline(timeout.toMillis());
                startEpochTicker(engine);
            }
            if (guestLimits.fuel() != null) {
                store.setFuel(guestLimits.fuel());
            }
            Linker linker = new Linker(engine);
            wasi.addTo(linker, store);
            Instance instance = linker.instantiate(store, compiled);
            if (invoke != null) {
                Func func = exportedFunc(instance, invoke);
                if (func == null) {
                    return fail("no exported function \"" + invoke + "\"");
                }
                for (Value result : func.call(store, arguments(func))) {
                    System.out.println(format(result));
                }
                return 0;
            }
            Func entry = exportedFunc(instance, "_start");
            if (entry == null) {
                entry = exportedFunc(instance, "_initialize");
            }
            if (entry == null) {
                return fail("no --invoke given and the module exports neither _start nor _initialize");
            }
            entry.call(store);
            return 0;
        } catch (WasiExit exit) {
            return exit.exitCode();
        } catch (WasmFormatException e) {
            return fail(e.describe());
        } catch (LinkException | IllegalArgumentException e) {
            return fail(e.getMessage());
        } catch (Trap trap) {
            System.out.flush();
            System.err.println(file + ": trap: " + trap.describe());
            return 1;
        } finally {
            System.out.flush();
        }
    }

    /** What the {@code -W} options ask for; null where a limit is not given. */
    private record GuestLimits(Duration timeout, Long fuel, Integer maxWasmStack, StoreLimits store) {
    }

    private GuestLimits guestLimits() {
        Duration timeout = null;
        Long fuel = null;
        Integer maxWasmStack = null;
        StoreLimits store = StoreLimits.NONE;
        for (Map.Entry<String, String> limit : limits.entrySet()) {
            String value = limit.getValue();
            switch (limit.getKey()) {
                case "timeout" -> timeout = parseDuration(value);
                case "fuel" -> fuel = parseCount("fuel", value, 0, Long.MAX_VALUE);
                case "max-wasm-stack" -> maxWasmStack = (int) parseCount("max-wasm-stack", value, 1, 10_000_000);
                case "max-memory-size" -> store = store.withMemoryBytes(parseCount("max-memory-size", value, 0,
                        Long.MAX_VALUE));
                case "trap-on-grow-failure" -> store = store.withTrapOnGrowFailure(parseFlag(value));
                default -> throw new IllegalArgumentException("unsupported -W option \"" + limit.getKey()
                        + "\" (supported: timeout, fuel, max-wasm-stack, max-memory-size, trap-on-grow-failure)");
            }
        }
        return new GuestLimits(timeout, fuel, maxWasmStack, store);
    }

    private static long parseCount(String option, String text, long min, long max) {
        if (!text.matches("\\d{1,19}") || new BigInteger(text).compareTo(BigInteger.valueOf(max)) > 0
                || Long.parseLong(text) < min) {
            throw new IllegalArgumentException("invalid " + option + " \"" + text + "\": expected a whole number from "
                    + min + " to " + max);
        }
        return Long.parseLong(text);
    }

    private static boolean parseFlag(String text) {
        return switch (text) {
            case "y", "yes", "true" -> true;
            case "n", "no", "false" -> false;
            default -> throw new IllegalArgumentException("invalid trap-on-grow-failure \"" + text + "\": expected y or n");
        };
    }

    private static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": expected a number with ms, s or m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** Advances the engine's epoch once a millisecond, so that a deadline in epochs is one in milliseconds. */
    private static void startEpochTicker(Engine engine) {
        Thread ticker = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
                engine.incrementEpoch();
            }
        }, "arabica-epoch");
        ticker.setDaemon(true);
        ticker.start();
    }

    private Wasi wasi() {
        List<String> guestArguments = new ArrayList<>();
        guestArguments.add(argv0 != null ? argv0 : file.toString());
        if (invoke == null) {
            guestArguments.addAll(args);
        }
        Wasi.Builder builder = Wasi.builder().inheritStdio().arguments(guestArguments);
        for (String variable : environment) {
            int equals = variable.indexOf('=');
            if (equals >= 0) {
                builder.env(variable.substring(0, equals), variable.substring(equals + 1));
            } else if (System.getenv(variable) != null) {
                builder.env(variable, System.getenv(variable));
            }
        }
        for (String directory : directories) {
            String[] hostAndGuest = hostAndGuest(directory);
            builder.preopen(Path.of(hostAndGuest[0]), hostAndGuest[1]);
        }
        for (String directory : readOnlyDirectories) {
            String[] hostAndGuest = hostAndGuest(directory);
            builder.preopenReadOnly(Path.of(hostAndGuest[0]), hostAndGuest[1]);
        }
        return builder.build();
    }

    /** Splits {@code HOST::GUEST}; the guest name defaults to the host path as given. */
    private static String[] hostAndGuest(String directory) {
        int separator = directory.indexOf("::");
        return separator < 0 ? new String[] {directory, directory}
                : new String[] {directory.substring(0, separator), directory.substring(separator + 2)};
    }

    private static Func exportedFunc(Instance instance, String name) {
        return instance.export(name).filter(Func.class::isInstance).map(Func.class::cast).orElse(null);
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
