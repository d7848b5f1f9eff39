package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.api.Lesion;
import dnnc.plugins.network.DenseNetworkProbe;

import java.util.LinkedHashMap;
import java.util.Map;

/** The decoder's forward pass returning every layer's activations, batch 10,000 (the reference's measurement). */
public final class DecoderForwardBenchmark implements Benchmark {
    @Override
    public String name() {
        return "decoder";
    }

    @Override
    public String description() {
        return "decoder forward with all activations, batch 10,000 (option decoder.batch)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int batch = settings.intOption("decoder.batch", 10_000);
        DenseNetworkProbe probe = DecoderShapes.decoder(settings.seed(), 1.0);
        float[] inputs = DecoderShapes.inputs(batch, settings.seed());
        double seconds = Timings.medianSeconds(Math.max(5, settings.repeats()), 1,
                () -> probe.forward(inputs, batch, Lesion.none()));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("forward.samples_per_s", batch / seconds);
        figures.put("forward.gflop_per_s", batch * DecoderShapes.flopsPerRow(probe) / seconds / 1e9);
        return figures;
    }
}
