package dnnc.bench.benchmarks;

import dnnc.api.AttributionRequest;
import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.api.Lesion;
import dnnc.api.Progress;
import dnnc.plugins.attribution.MonteCarloAcePlugin;
import dnnc.plugins.network.DenseNetworkProbe;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * How time and memory grow: the decoder's hidden widths scaled x0.5, x1, x2 (and one forward of a x16 network), the
 * draws 500 / 1,000 / 2,000, and the alpha grid 3 / 7 / 13 values. Each point times one decoder forward
 * (batch 10,000), ACE of all 20 inputs and the per-draw features of z_1, with the peak resident memory.
 * Opt-in: {@code dnnc bench --only growth}.
 */
public final class GrowthBenchmark implements Benchmark {
    @Override
    public String name() {
        return "growth";
    }

    @Override
    public String description() {
        return "growth of time and memory with neurons (width x0.5/x1/x2, forward of x16), draws (500/1000/2000) and alphas (3/7/13)";
    }

    @Override
    public boolean byDefault() {
        return false;
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        Map<String, Double> figures = new LinkedHashMap<>();
        String widths = settings.options().getOrDefault("growth.widths", "0.5,1,2");
        for (String w : widths.split(",")) {
            double factor = Double.parseDouble(w);
            DenseNetworkProbe decoder = DecoderShapes.decoder(settings.seed(), factor);
            String key = "width" + w;
            figures.put(key + ".neurons", (double) decoder.layout().total());
            point(figures, key, settings, decoder, 1000, AceBenchmark.ALPHAS);
        }
        largest(figures, settings, Double.parseDouble(settings.options().getOrDefault("growth.largest", "16")));
        DenseNetworkProbe decoder = DecoderShapes.decoder(settings.seed(), 1.0);
        for (int draws : new int[] {500, 1000, 2000}) {
            point(figures, "draws" + draws, settings, decoder, draws, AceBenchmark.ALPHAS);
        }
        for (int count : new int[] {3, 7, 13}) {
            double[] alphas = IntStream.range(0, count).mapToDouble(i -> -3 + 6.0 * i / (count - 1)).toArray();
            point(figures, "alphas" + count, settings, decoder, 1000, alphas);
        }
        return figures;
    }

    /** A much wider network: one forward of 2,000 rows with all activations, time and memory (ACE scales with it). */
    private static void largest(Map<String, Double> figures, BenchmarkSettings settings, double factor) {
        DenseNetworkProbe decoder = DecoderShapes.decoder(settings.seed(), factor);
        String key = "largest.width" + factor;
        figures.put(key + ".neurons", (double) decoder.layout().total());
        figures.put(key + ".weights", DecoderShapes.flopsPerRow(decoder) / 2);
        int batch = 2_000;
        float[] inputs = DecoderShapes.inputs(batch, settings.seed());
        measure(figures, key + ".forward2000", settings, () -> decoder.forward(inputs, batch, Lesion.none()));
        settings.log().accept(String.format(Locale.ROOT, "growth %s: %s", key, figures.entrySet().stream()
                .filter(e -> e.getKey().startsWith(key + ".")).map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.3g", e.getValue()))
                .toList()));
    }

    private static void point(Map<String, Double> figures, String key, BenchmarkSettings settings,
                              DenseNetworkProbe decoder, int draws, double[] alphas) {
        int batch = 10_000;
        float[] inputs = DecoderShapes.inputs(batch, settings.seed());
        measure(figures, key + ".forward", settings, () -> decoder.forward(inputs, batch, Lesion.none()));
        MonteCarloAcePlugin ace = AceBenchmark.plugin(draws);
        AttributionRequest all = AceBenchmark.request(decoder, IntStream.range(0, 20).toArray(), alphas, settings.seed());
        AttributionRequest z1 = AceBenchmark.request(decoder, new int[] {1}, alphas, settings.seed());
        measure(figures, key + ".ace_all", settings, () -> ace.attribute(all, Progress.silent()));
        measure(figures, key + ".features_z1", settings, () -> ace.sampleFeatures(z1, 1, Progress.silent()));
        settings.log().accept(String.format(Locale.ROOT, "growth %s: %s", key, figures.entrySet().stream()
                .filter(e -> e.getKey().startsWith(key + ".")).map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.3g", e.getValue()))
                .toList()));
    }

    private static void measure(Map<String, Double> figures, String key, BenchmarkSettings settings, Supplier<?> work) {
        work.get(); // warm-up
        // CPU seconds of the whole process as well as wall time: on a shared machine they vary far less
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (PeakMemory memory = new PeakMemory()) {
            long cpu = os.getProcessCpuTime();
            figures.put(key + ".s", Timings.medianSeconds(settings.repeats(), 0, work::get));
            figures.put(key + ".cpu_s", (os.getProcessCpuTime() - cpu) / 1e9 / settings.repeats());
            figures.put(key + ".peak_mb", memory.growthMb());
        }
    }
}
