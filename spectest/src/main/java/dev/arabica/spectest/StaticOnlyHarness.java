package dev.arabica.spectest;

import dev.arabica.format.model.Module;
import dev.arabica.text.wast.Command;

/**
 * A harness without an engine: modules count as passed once they decode and validate, and every
 * command that would need execution is counted as skipped.
 */
public final class StaticOnlyHarness implements ExecutionHarness {

    private static final Outcome NO_ENGINE = Outcome.skipped("no execution engine");

    @Override
    public Outcome module(Command.ModuleCommand command, Module module) {
        return Outcome.PASSED;
    }

    @Override
    public Outcome execute(Command command) {
        return NO_ENGINE;
    }
}
