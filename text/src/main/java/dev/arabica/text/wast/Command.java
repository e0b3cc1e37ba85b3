package dev.arabica.text.wast;

import java.util.List;

/** One top-level command of a script. */
public sealed interface Command {

    /** The line of the script where the command starts. */
    int line();

    /** The module the command defines or makes an assertion about; null for the others. */
    default ModuleSource moduleSource() {
        return null;
    }

    /** Defines a module; unless {@code definition}, also instantiates it. {@code id} may be null. */
    record ModuleCommand(int line, String id, ModuleSource source, boolean definition) implements Command {
        @Override
        public ModuleSource moduleSource() {
            return source;
        }
    }

    /** {@code (module instance $i $m)}: instantiates a module defined earlier. */
    record ModuleInstance(int line, String instanceId, String definitionId) implements Command {
    }

    /** Makes an instance's exports importable under {@code as}; {@code moduleId} null means the latest. */
    record Register(int line, String as, String moduleId) implements Command {
    }

    record ActionCommand(int line, Action action) implements Command {
    }

    record AssertReturn(int line, Action action, List<ResultPattern> expected) implements Command {
        public AssertReturn {
            expected = List.copyOf(expected);
        }
    }

    /** A trap from an action, or (when {@code module} is set) from instantiating a module. */
    record AssertTrap(int line, Action action, ModuleSource module, String message) implements Command {
        @Override
        public ModuleSource moduleSource() {
            return module;
        }
    }

    record AssertExhaustion(int line, Action action, String message) implements Command {
    }

    record AssertException(int line, Action action) implements Command {
    }

    record AssertMalformed(int line, ModuleSource module, String message) implements Command {
        @Override
        public ModuleSource moduleSource() {
            return module;
        }
    }

    record AssertInvalid(int line, ModuleSource module, String message) implements Command {
        @Override
        public ModuleSource moduleSource() {
            return module;
        }
    }

    record AssertUnlinkable(int line, ModuleSource module, String message) implements Command {
        @Override
        public ModuleSource moduleSource() {
            return module;
        }
    }

    /** Malformed custom-section annotations (tested with custom-annotation support). */
    record AssertMalformedCustom(int line, ModuleSource module, String message) implements Command {
        @Override
        public ModuleSource moduleSource() {
            return module;
        }
    }

    record AssertInvalidCustom(int line, ModuleSource module, String message) implements Command {
        @Override
        public ModuleSource moduleSource() {
            return module;
        }
    }
}
