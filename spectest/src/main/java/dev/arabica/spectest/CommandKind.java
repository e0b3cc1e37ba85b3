package dev.arabica.spectest;

import dev.arabica.text.wast.Command;

/** The kinds of script command, as the report counts them (named by their `.wast` keyword). */
public enum CommandKind {
    MODULE("module"),
    MODULE_INSTANCE("module instance"),
    REGISTER("register"),
    ACTION("action"),
    ASSERT_RETURN("assert_return"),
    ASSERT_TRAP("assert_trap"),
    ASSERT_EXHAUSTION("assert_exhaustion"),
    ASSERT_EXCEPTION("assert_exception"),
    ASSERT_MALFORMED("assert_malformed"),
    ASSERT_INVALID("assert_invalid"),
    ASSERT_UNLINKABLE("assert_unlinkable"),
    ASSERT_MALFORMED_CUSTOM("assert_malformed_custom"),
    ASSERT_INVALID_CUSTOM("assert_invalid_custom");

    private final String keyword;

    CommandKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static CommandKind of(Command command) {
        if (command instanceof Command.ModuleCommand) {
            return MODULE;
        } else if (command instanceof Command.ModuleInstance) {
            return MODULE_INSTANCE;
        } else if (command instanceof Command.Register) {
            return REGISTER;
        } else if (command instanceof Command.ActionCommand) {
            return ACTION;
        } else if (command instanceof Command.AssertReturn) {
            return ASSERT_RETURN;
        } else if (command instanceof Command.AssertTrap) {
            return ASSERT_TRAP;
        } else if (command instanceof Command.AssertExhaustion) {
            return ASSERT_EXHAUSTION;
        } else if (command instanceof Command.AssertException) {
            return ASSERT_EXCEPTION;
        } else if (command instanceof Command.AssertMalformed) {
            return ASSERT_MALFORMED;
        } else if (command instanceof Command.AssertInvalid) {
            return ASSERT_INVALID;
        } else if (command instanceof Command.AssertUnlinkable) {
            return ASSERT_UNLINKABLE;
        } else if (command instanceof Command.AssertMalformedCustom) {
            return ASSERT_MALFORMED_CUSTOM;
        } else if (command instanceof Command.AssertInvalidCustom) {
            return ASSERT_INVALID_CUSTOM;
        }
        throw new IllegalArgumentException("unknown command " + command);
    }
}
