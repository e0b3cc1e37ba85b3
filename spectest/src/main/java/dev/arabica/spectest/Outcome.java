package dev.arabica.spectest;

/** The result of one script command, with what went wrong when it did not pass. */
public record Outcome(Status status, String detail) {

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    public static final Outcome PASSED = new Outcome(Status.PASSED, "");

    public static Outcome failed(String detail) {
        return new Outcome(Status.FAILED, detail);
    }

    public static Outcome skipped(String why) {
        return new Outcome(Status.SKIPPED, why);
    }
}
