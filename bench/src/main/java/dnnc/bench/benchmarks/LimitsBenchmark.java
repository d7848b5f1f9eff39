package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import org.bytedeco.openblas.global.openblas;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What this machine can do at most, measured in the same JVM as the other benchmarks, so their figures can be read
 * as fractions of it (the bench's derived figures, {@code dnnc.bench.LimitFigures}): sgemm GFLOP/s through the native
 * BLAS dnnc's dense layers call, on dnnc's threads (one BLAS thread in each of the probe's pool threads), at the
 * decoder's shapes and on a large square; and memory bandwidth of Java kernels that stream like an affinity
 * propagation iteration, on 1 and on all threads, plus a plain copy.
 */
public final class LimitsBenchmark implements Benchmark {
    /** Seconds' worth of work per timed sample at roughly this machine's speed: long enough for a stable median. */
    private static final double SAMPLE_FLOPS = 6e9;
    private static final double SAMPLE_BYTES = 1.5e9;
    private static final int WARM_UPS = 1;
    /** Calls of the stream kernels on a small array before any is timed, so C2 compiles them in full (not only OSR). */
    private static final int KERNEL_WARM_UP_CALLS = 20_000;
    private static final int MB = 1 << 20;

    @Override
    public String name() {
        return "limits";
    }

    @Override
    public String description() {
        return "the machine's limits on dnnc's threads: sgemm GFLOP/s at the decoder's shapes and a large square, memory"
                + " bandwidth of an AP-like stream and a copy (options limits.rows, limits.square, limits.n, limits.mb)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int rows = settings.intOption("limits.rows", 1000);
        int square = settings.intOption("limits.square", 2048);
        int n = settings.intOption("limits.n", 1700);
        int megabytes = settings.intOption("limits.mb", 64);
        // the probe's pool size (plugins' RowChunks reads the same property): dnnc's GEMMs run on that many threads
        int threads = Integer.getInteger("dnnc.probe.threads", Runtime.getRuntime().availableProcessors());
        Map<String, Double> figures = new LinkedHashMap<>();
        try (ConcurrentTimings timings = new ConcurrentTimings(threads)) {
            figures.put("threads", (double) threads);
            figures.put("sgemm.blas_threads", (double) openblas.blas_get_num_threads());
            figures.put("sgemm.rows", (double) rows);
            figures.put("sgemm.square", (double) square);
            sgemm(timings, settings, "sgemm.decoder", rows, WorkCounts.decoderWidths(), figures);
            sgemm(timings, settings, "sgemm.peak", square, new int[] {square, square}, figures);
            bandwidth(timings, settings, n, megabytes, figures);
        }
        return figures;
    }

    /** GFLOP/s of chains of products on all threads (each its own chain) and on one, under {@code key}. */
    private static void sgemm(ConcurrentTimings timings, BenchmarkSettings settings, String key, int rows, int[] widths,
                              Map<String, Double> figures) {
        SgemmChain[] chains = new SgemmChain[timings.threads()];
        for (int t = 0; t < chains.length; t++) {
            chains[t] = new SgemmChain(rows, widths, settings.seed() + t);
        }
        int calls = (int) Math.max(1, Math.round(SAMPLE_FLOPS / chains[0].flops()));
        for (int active : activeCounts(timings)) {
            double seconds = timings.medianSeconds(active, WARM_UPS, settings.repeats(), t -> {
                for (int c = 0; c < calls; c++) {
                    chains[t].run();
                }
            });
            figures.put(key + threadSuffix(active, timings) + "gflop_per_s", active * calls * chains[0].flops() / seconds / 1e9);
        }
        settings.log().accept(String.format(Locale.ROOT, "%s: %d x %s, %d call(s) per thread per sample", key, rows,
                Arrays.toString(widths), calls));
    }

    /**
     * GB/s of the AP-like stream on three arrays of N x N float64 values (the AP matrices' size) and of {@code megabytes}
     * each, and of a copy of the larger, on all threads and on one; "bandwidth.gb_per_s" is the best AP-like figure,
     * the limit an AP iteration's bytes are held against.
     */
    private static void bandwidth(ConcurrentTimings timings, BenchmarkSettings settings, int n, int megabytes, Map<String, Double> figures) {
        int large = megabytes * (MB / Double.BYTES);
        int length = Math.max(large, n * n);
        double[] s = new double[length];
        double[] r = new double[length];
        double[] a = new double[length];
        Arrays.setAll(s, i -> (i % 1024) / 1024.0 - 0.5);
        warmUpKernels();
        double best = 0;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("ap.n" + n, n * n);
        sizes.put("ap.mb" + megabytes, large);
        for (var size : sizes.entrySet()) {
            int elements = size.getValue();
            double bytes = WorkCounts.AP_MATRICES_STREAMED * (double) elements * Double.BYTES;
            int passes = passes(bytes);
            for (int active : activeCounts(timings)) {
                double seconds = timings.medianSeconds(active, WARM_UPS, settings.repeats(), t -> {
                    int from = MemoryStreams.shareStart(elements, active, t);
                    int to = MemoryStreams.shareStart(elements, active, t + 1);
                    for (int p = 0; p < passes; p++) {
                        MemoryStreams.apIteration(s, r, a, from, to);
                    }
                });
                double rate = passes * bytes / seconds / 1e9;
                figures.put("bandwidth." + size.getKey() + threadSuffix(active, timings) + "gb_per_s", rate);
                best = Math.max(best, rate);
            }
        }
        double copyBytes = 2.0 * large * Double.BYTES; // read once, written once (a write-allocate's extra read not counted)
        int copies = passes(copyBytes);
        for (int active : activeCounts(timings)) {
            double seconds = timings.medianSeconds(active, WARM_UPS, settings.repeats(), t -> {
                for (int p = 0; p < copies; p++) {
                    MemoryStreams.copy(s, r, MemoryStreams.shareStart(large, active, t), MemoryStreams.shareStart(large, active, t + 1));
                }
            });
            figures.put("bandwidth.copy.mb" + megabytes + threadSuffix(active, timings) + "gb_per_s", copies * copyBytes / seconds / 1e9);
        }
        figures.put("bandwidth.gb_per_s", best);
    }

    private static void warmUpKernels() {
        double[] s = new double[4096];
        double[] r = new double[4096];
        double[] a = new double[4096];
        for (int c = 0; c < KERNEL_WARM_UP_CALLS; c++) {
            MemoryStreams.apIteration(s, r, a, 0, s.length);
        }
    }

    private static int passes(double bytesPerPass) {
        return (int) Math.max(1, Math.round(SAMPLE_BYTES / bytesPerPass));
    }

    /** All threads first (the figure dnnc's parallel work is held against), then one, when they differ. */
    private static int[] activeCounts(ConcurrentTimings timings) {
        return timings.threads() == 1 ? new int[] {1} : new int[] {timings.threads(), 1};
    }

    private static String threadSuffix(int active, ConcurrentTimings timings) {
        return active == timings.threads() ? "." : ".one_thread.";
    }
}
