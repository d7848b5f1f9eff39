package dnnc.bench.benchmarks;

import java.util.Arrays;
import java.util.function.Supplier;

/** Wall-clock medians: machines here are shared and noisy, so one run of anything says little. */
final class Timings {
    private Timings() {
    }

    /**
     * Median seconds of {@code repeats} runs of {@code work}, after {@code warmUps} untimed runs (code in the vector
     * API is still being compiled by C2 after one: such work needs several before it runs at its steady speed).
     */
    static double medianSeconds(int repeats, int warmUps, Runnable work) {
        for (int k = 0; k < warmUps; k++) {
            work.run();
        }
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            work.run();
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        return median(seconds);
    }

    /** Median of figures each run computes itself (e.g. a rate measured inside a training loop). */
    static double median(int repeats, Supplier<Double> figure) {
        double[] values = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            values[r] = figure.get();
        }
        return median(values);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
