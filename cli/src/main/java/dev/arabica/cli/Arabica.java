package dev.arabica.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code arabica} command. */
@Command(name = "arabica", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "WebAssembly for the JVM.",
        subcommands = {RunCommand.class, ValidateCommand.class, WastCommand.class, CommandLine.HelpCommand.class})
public final class Arabica {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        // Options end at the first positional parameter, so that a guest's own flags reach the guest.
        return new CommandLine(new Arabica()).setCaseInsensitiveEnumValuesAllowed(true).setStopAtPositional(true);
    }
}
