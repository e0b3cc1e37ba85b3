package dev.arabica.text.wast;

import java.util.List;

/** What a script does with an instance: call an export, or read an exported global. */
public sealed interface Action {

    /** The instance's id, or null for the most recent one. */
    String moduleId();

    record Invoke(String moduleId, String name, List<Value> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    record Get(String moduleId, String name) implements Action {
    }
}
