package dev.arabica.fuzz;

import dev.arabica.fuzz.generate.HostFunctionImport;
import dev.arabica.fuzz.generate.HostGlobalImport;
import dev.arabica.runtime.Global;
import dev.arabica.runtime.Linker;
import dev.arabica.runtime.Store;
import dev.arabica.runtime.Trap;
import dev.arabica.runtime.TrapKind;
import dev.arabica.runtime.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of one run: the functions and globals of {@link HostFunctionImport} and
 * {@link HostGlobalImport}, and the trace of every host call with its arguments.
 */
final class HostEnvironment {

    /** One call of a host function, with the arguments as the host received them. */
    record HostCall(String name, List<Value> args) {
    }

    private final List<HostCall> trace = new ArrayList<>();

    HostEnvironment(Linker linker, Store store) {
        for (HostFunctionImport host : HostFunctionImport.values()) {
            linker.func(store, HostFunctionImport.MODULE, host.importName(), host.type(), (caller, args) -> {
                trace.add(new HostCall(host.importName(), List.of(args)));
                return call(host, args);
            });
        }
        for (HostGlobalImport host : HostGlobalImport.values()) {
            linker.define(HostFunctionImport.MODULE, host.importName(),
                    new Global(host.type(), new Value(host.type().valType(), host.initialBits(), 0, null)));
        }
    }

    private static Value[] call(HostFunctionImport host, Value[] args) {
        return switch (host) {
            case MIX -> new Value[] {Value.i64(Long.rotateLeft(args[0].asInt() * 0x9E37_79B9_7F4A_7C15L, 17) ^ args[1].asLong())};
            case MAKE_EXTERNREF -> new Value[] {Value.externref(new HostRef(args[0].asInt()))};
            case TRAP_IF_2A -> {
                if ((args[0].asInt() & 0xFF) == 0x2A) {
                    throw new Trap(TrapKind.HOST, "host function trap_if_2a trapped on " + args[0].asInt());
                }
                yield new Value[0];
            }
            default -> new Value[0];
        };
    }

    List<HostCall> trace() {
        return trace;
    }
}
