package dnnc.bench;

import java.util.Map;

/**
 * A timed piece of dnnc's own work for {@code dnnc bench}. Found through {@link java.util.ServiceLoader} (listed
 * in META-INF/services/dnnc.bench.Benchmark), so the runner times plugins it does not link against.
 */
public interface Benchmark {
    /** Short name, the first part of every key it returns (e.g. "decoder"). */
    String name();

    /** What is timed, in one line. */
    String description();

    /** Whether {@code dnnc bench} runs it without being asked by name (slow studies of growth are opt-in). */
    default boolean byDefault() {
        return true;
    }

    /**
     * Runs the measurement and returns its figures by dotted key without the benchmark's name, e.g.
     * "forward.samples_per_s"; throughput figures are medians over {@link BenchmarkSettings#repeats()}.
     */
    Map<String, Double> run(BenchmarkSettings settings);
}
