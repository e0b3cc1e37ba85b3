package dev.arabica.bench;

/** A way of running a workload: an engine of Arabica, of another runtime, or native code. */
interface Contender {

    String name();

    /** Loads and instantiates the workload, ready to be run repeatedly. */
    Prepared prepare(Workload workload) throws Exception;

    interface Prepared {

        /** Runs the workload at the given scale and returns its checksum and the seconds it took. */
        Timed run(int scale) throws Exception;
    }

    record Timed(long checksum, double seconds) {

        static Timed measure(java.util.function.IntToLongFunction run, int scale) {
            long start = System.nanoTime();
            long checksum = run.applyAsLong(scale);
            return new Timed(checksum, (System.nanoTime() - start) / 1e9);
        }
    }
}
