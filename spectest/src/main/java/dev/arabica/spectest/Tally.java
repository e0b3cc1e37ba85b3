package dev.arabica.spectest;

/** Passed, failed and skipped counts; mutable, for accumulating results. */
public final class Tally {

    private long passed;
    private long failed;
    private long skipped;

    public void add(Outcome.Status status) {
        switch (status) {
            case PASSED -> passed++;
            case FAILED -> failed++;
            case SKIPPED -> skipped++;
        }
    }

    public void add(Tally other) {
        passed += other.passed;
        failed += other.failed;
        skipped += other.skipped;
    }

    public long passed() {
        return passed;
    }

    public long failed() {
        return failed;
    }

    public long skipped() {
        return skipped;
    }

    public long total() {
        return passed + failed + skipped;
    }

    /** The closing line of a run, e.g. {@code 120 passed, 0 failed, 3 skipped}. */
    @Override
    public String toString() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
