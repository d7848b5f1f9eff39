package dnnc.bench.benchmarks;

import dnnc.api.AttributionRequest;
import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.api.Progress;
import dnnc.plugins.attribution.MonteCarloAcePlugin;
import dnnc.plugins.network.DenseNetworkProbe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Monte Carlo ACE stage on the decoder: z_1 alone (7 alphas x 1,000 draws, the reference's measurement),
 * its per-draw features for clustering, and all 20 inputs (10 latents x 7 alphas + 10 classes).
 */
public final class AceBenchmark implements Benchmark {
    static final double[] ALPHAS = {-3, -2, -1, 0, 1, 2, 3};
    static final int TARGET = 5;
    /**
     * Untimed calls of z_1's estimate, and of its features, before each is timed (all inputs then run warm). The reference times its ACE after
     * 210,000 rows of forward passes through the same decoder; without these, calls 2-4 of a fresh JVM were timed
     * while the JIT still compiled the ACE's own code (a third of the CPU went to compiler threads), so the figure
     * measured the warm-up rather than the ACE.
     */
    static final int WARM_UP_CALLS = 5;

    @Override
    public String name() {
        return "ace";
    }

    @Override
    public String description() {
        return "Monte Carlo ACE: z_1 (7 alphas x 1,000 draws), its features, and all 20 inputs (option ace.draws)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int draws = settings.intOption("ace.draws", 1000);
        DenseNetworkProbe decoder = DecoderShapes.decoder(settings.seed(), 1.0);
        MonteCarloAcePlugin ace = plugin(draws);
        AttributionRequest z1 = request(decoder, new int[] {1}, ALPHAS, settings.seed());
        AttributionRequest all = request(decoder, IntStream.range(0, 20).toArray(), ALPHAS, settings.seed());
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("z1.s", Timings.medianSeconds(settings.repeats(), WARM_UP_CALLS, () -> ace.attribute(z1, Progress.silent())));
        figures.put("z1_features.s", Timings.medianSeconds(settings.repeats(), WARM_UP_CALLS,
                () -> ace.sampleFeatures(z1, 1, Progress.silent())));
        double allSeconds = Timings.medianSeconds(settings.repeats(), 0, () -> ace.attribute(all, Progress.silent()));
        figures.put("all_inputs.s", allSeconds);
        figures.put("all_inputs.rows_per_s", (double) draws * (10 * ALPHAS.length + 10) / allSeconds);
        return figures;
    }

    static MonteCarloAcePlugin plugin(int draws) {
        MonteCarloAcePlugin ace = new MonteCarloAcePlugin();
        ace.configure(Map.of("draws", Integer.toString(draws)));
        return ace;
    }

    static AttributionRequest request(dnnc.api.NetworkProbe decoder, int[] inputs, double[] alphas, long seed) {
        return new AttributionRequest(decoder, DecoderShapes.schema(), inputs, alphas, TARGET, seed);
    }
}
