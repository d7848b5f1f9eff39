package dnnc.bench;

import dnnc.api.InvalidInputException;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How a {@link Benchmark} runs: repetitions to take the median of, the seed, a scratch folder for what it writes
 * (files a comparison with another tool may read), free-form options ({@code name=value} from the command line)
 * and a sink for progress lines.
 */
public record BenchmarkSettings(int repeats, long seed, Path scratch, Map<String, String> options, Consumer<String> log) {
    public BenchmarkSettings {
        if (repeats < 1) {
            throw new InvalidInputException("repeats must be at least 1; got " + repeats);
        }
        options = Map.copyOf(options);
    }

    public int intOption(String name, int fallback) {
        String v = options.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("bench option '" + name + "' is '" + v + "'; expected a whole number");
        }
    }
}
