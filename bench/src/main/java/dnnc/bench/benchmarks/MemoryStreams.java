package dnnc.bench.benchmarks;

/**
 * Java kernels that stream float64 arrays through memory, to measure the bandwidth a JVM on this machine reaches.
 * Plain loops C2 vectorises: the arithmetic per element is a few vector operations, far below what the core can do
 * while it waits for memory, so their time is the memory's.
 */
final class MemoryStreams {
    private static final double DAMPING = 0.5;

    private MemoryStreams() {
    }

    /**
     * The memory traffic of one affinity propagation iteration on elements [from, to): reads s, r and a, writes r
     * and a in place, as the message passes update R and A (5 values moved per element). Damped updates keep the
     * values bounded however often it runs.
     */
    static void apIteration(double[] s, double[] r, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            double responsibility = DAMPING * r[i] + (1 - DAMPING) * (s[i] - a[i]);
            r[i] = responsibility;
            a[i] = DAMPING * a[i] + (1 - DAMPING) * 0.5 * responsibility;
        }
    }

    /** Copies elements [from, to) of source into target (2 values moved per element). */
    static void copy(double[] source, double[] target, int from, int to) {
        System.arraycopy(source, from, target, from, to - from);
    }

    /** Share {@code index} of {@code parts} equal shares of [0, length): its first element. */
    static int shareStart(int length, int parts, int index) {
        return (int) ((long) length * index / parts);
    }
}
