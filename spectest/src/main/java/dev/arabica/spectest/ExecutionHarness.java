package dev.arabica.spectest;

import dev.arabica.format.model.Module;
import dev.arabica.text.wast.Command;

/**
 * The part of a script run that executes code: instantiation, actions and the assertions about
 * them. The static part (decoding, parsing, validation) is the {@link ScriptRunner}'s own.
 * One harness serves one script and keeps that script's instances and registrations.
 */
public interface ExecutionHarness {

    /** Instantiates (or, for {@code module definition}, records) a module that decoded and validated. */
    Outcome module(Command.ModuleCommand command, Module module);

    /** Runs any other command that needs an engine: actions, registration and execution assertions. */
    Outcome execute(Command command);
}
