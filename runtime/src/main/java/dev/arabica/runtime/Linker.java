package dev.arabica.runtime;

import dev.arabica.format.model.FuncType;
import dev.arabica.format.model.GlobalType;
import dev.arabica.format.model.Import;
import dev.arabica.format.model.ExternType;
import dev.arabica.format.model.Limits;
import dev.arabica.format.model.MemoryType;
import dev.arabica.format.model.TableType;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves imports by module and name: host functions, memories, tables, globals, and the exports
 * of other instances. Errors name the import and say what was expected and what was found.
 */
public final class Linker {

    private final Engine engine;
    private final Map<String, Extern> definitions = new HashMap<>();

    public Linker(Engine engine) {
        this.engine = engine;
    }

    private static String key(String module, String name) {
        return module + "\u0000" + name;
    }

    public Linker define(String module, String name, Extern extern) {
        definitions.put(key(module, name), extern);
        return this;
    }

    /** Defines a host function of the given type, for instances created in {@code store}. */
    public Linker func(Store store, String module, String name, FuncType type, HostFunction body) {
        return define(module, name, new HostFunc(store, type, engine.canonicalize(type), body));
    }

    /**
     * Defines a host function from a lambda of a functional interface, its WebAssembly type taken
     * from the interface's method (see {@link TypedHostFunction}); for example
     * {@code linker.func(store, "env", "add", IntBinaryOperator.class, (a, b) -> a + b)}.
     */
    public <F> Linker func(Store store, String module, String name, Class<F> shape, F body) {
        TypedHostFunction typed = TypedHostFunction.of(shape, body);
        return func(store, module, name, typed.type(), typed);
    }

    /** Makes every export of {@code instance} importable under module name {@code module}. */
    public Linker instance(String module, Instance instance) {
        instance.exports().forEach((name, extern) -> define(module, name, extern));
        return this;
    }

    public Instance instantiate(Store store, CompiledModule module) {
        Extern[] imports = new Extern[module.module().imports().size()];
        for (int i = 0; i < imports.length; i++) {
            imports[i] = resolve(module, module.module().imports().get(i));
        }
        return new Instantiation(store, module, imports).run();
    }

    private Extern resolve(CompiledModule module, Import entry) {
        Extern extern = definitions.get(key(entry.module(), entry.name()));
        String what = "import \"" + entry.module() + "\" \"" + entry.name() + "\"";
        if (extern == null) {
            throw new LinkException("unknown import: " + what);
        }
        ExternType expected = entry.type();
        String mismatch = null;
        if (expected instanceof ExternType.Func f) {
            if (!(extern instanceof Func func)) {
                mismatch = "a function";
            } else if (func.canonicalType() != module.canonicalType(f.typeIndex())) {
                mismatch = "a function of type " + func.type();
            }
        } else if (expected instanceof ExternType.Table t) {
            if (!(extern instanceof Table table)) {
                mismatch = "a table";
            } else if (!table.type().elementType().equals(t.type().elementType())
                    || !fits(table.size(), table.type().limits(), t.type().limits())) {
                mismatch = "a table of " + table.type().elementType() + " with " + table.size() + " elements";
            }
        } else if (expected instanceof ExternType.Memory m) {
            if (!(extern instanceof Memory memory)) {
                mismatch = "a memory";
            } else if (!fits(memory.pages(), memory.type().limits(), m.type().limits())) {
                mismatch = "a memory of " + memory.pages() + " pages";
            }
        } else if (expected instanceof ExternType.Global g) {
            if (!(extern instanceof Global global)) {
                mismatch = "a global";
            } else if (!global.type().equals(g.type())) {
                mismatch = "a global of type " + describe(global.type());
            }
        } else {
            mismatch = "an entity of a kind this runtime does not link yet";
        }
        if (mismatch != null) {
            throw new LinkException("incompatible import type: " + what + " expects " + describe(expected)
                    + " but found " + mismatch);
        }
        return extern;
    }

    /** An actual size and limits fit the expected limits if the size is large enough and the maximum small enough. */
    private static boolean fits(long size, Limits actual, Limits expected) {
        if (size < expected.min()) {
            return false;
        }
        if (expected.max().isEmpty()) {
            return true;
        }
        return actual.max().isPresent() && Long.compareUnsigned(actual.max().getAsLong(), expected.max().getAsLong()) <= 0;
    }

    private static String describe(ExternType type) {
        if (type instanceof ExternType.Func) {
            return "a function";
        } else if (type instanceof ExternType.Table t) {
            return describe(t.type());
        } else if (type instanceof ExternType.Memory m) {
            return describe(m.type());
        } else if (type instanceof ExternType.Global g) {
            return "a global of type " + describe(g.type());
        }
        return "a tag";
    }

    private static String describe(TableType type) {
        return "a table of " + type.elementType() + " " + type.limits();
    }

    private static String describe(MemoryType type) {
        return "a memory " + type.limits();
    }

    private static String describe(GlobalType type) {
        return (type.mutable() ? "mut " : "") + type.valType();
    }
}
