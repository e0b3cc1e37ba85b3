package dev.arabica.text.wast;

import java.util.List;

/** A parsed {@code .wast} script: its commands in order. */
public record Script(String name, List<Command> commands) {

    public Script {
        commands = List.copyOf(commands);
    }
}
