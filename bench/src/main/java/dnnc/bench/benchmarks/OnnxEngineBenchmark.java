package dnnc.bench.benchmarks;

import dnnc.api.AttributionRequest;
import dnnc.api.DenseLayers;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.NetworkFormat;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronLayout;
import dnnc.api.Progress;
import dnnc.api.TensorSelection;
import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.plugins.attribution.MonteCarloAcePlugin;
import dnnc.plugins.lesion.EvaluationDesign;
import dnnc.plugins.lesion.LesionEngine;
import dnnc.plugins.lesion.RandomLesions;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.support.NetworkFormats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The study's decoder shape in ONNX Runtime beside the built-in engine, on the same weights (exported to ONNX and
 * probed at every layer): forward with every activation (batch 10,000), Monte Carlo ACE of z_1 (7 alphas x 1,000
 * draws) and lesion evaluations (100 lesions of 50 hidden and output neurons, 7 alphas x 20 draws).
 */
public final class OnnxEngineBenchmark implements Benchmark {
    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public String description() {
        return "the decoder in ONNX Runtime vs the built-in engine: forward with all activations, ACE of z_1, lesion evaluations (options onnx.batch, ace.draws)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int batch = settings.intOption("onnx.batch", 10_000);
        int draws = settings.intOption("ace.draws", 1000);
        DenseNetworkProbe builtin = DecoderShapes.decoder(settings.seed(), 1.0);
        NetworkProbe onnx = exported(builtin);
        Map<String, Double> figures = new LinkedHashMap<>();
        float[] inputs = DecoderShapes.inputs(batch, settings.seed());
        for (Map.Entry<String, NetworkProbe> engine : Map.of("builtin", builtin, "onnx", onnx).entrySet()) {
            NetworkProbe probe = engine.getValue();
            String e = engine.getKey() + ".";
            double forward = Timings.medianSeconds(Math.max(3, settings.repeats()), 1, () -> probe.forward(inputs, batch, Lesion.none()));
            figures.put(e + "forward.samples_per_s", batch / forward);
            MonteCarloAcePlugin ace = AceBenchmark.plugin(draws);
            AttributionRequest z1 = AceBenchmark.request(probe, new int[] {1}, AceBenchmark.ALPHAS, settings.seed());
            figures.put(e + "ace_z1.s", Timings.medianSeconds(settings.repeats(), 1, () -> ace.attribute(z1, Progress.silent())));
            figures.put(e + "lesion.evals_per_s", lesionsPerSecond(probe, DecoderShapes.schema(), settings.seed()));
        }
        figures.put("onnx_over_builtin.forward", figures.get("onnx.forward.samples_per_s") / figures.get("builtin.forward.samples_per_s"));
        figures.put("onnx_over_builtin.lesion", figures.get("onnx.lesion.evals_per_s") / figures.get("builtin.lesion.evals_per_s"));
        return figures;
    }

    /** The same weights as an ONNX file, opened by the ONNX engine with every layer probed. */
    private static NetworkProbe exported(DenseNetworkProbe decoder) {
        try {
            Path file = Files.createTempFile("dnnc-bench-decoder", ".onnx");
            file.toFile().deleteOnExit();
            DenseLayers layers = decoder.denseLayers().orElseThrow();
            NetworkFormat format = NetworkFormats.named("onnx");
            format.writeDense(layers, file);
            return format.openProbe(file, new TensorSelection(null, layers.names().subList(1, layers.names().size())), 10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double lesionsPerSecond(NetworkProbe probe, InputSchema schema, long seed) {
        EvaluationDesign design = EvaluationDesign.of(schema, 0, AceBenchmark.ALPHAS, 20, AceBenchmark.TARGET, seed);
        NeuronLayout layout = probe.layout();
        int[] pool = IntStream.range(layout.offset(1), layout.total()).toArray();
        Random random = new Random(seed);
        List<Lesion> lesions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lesions.add(Lesion.ofGlobal(layout, RandomLesions.sampleWithoutReplacement(random, pool, 50)));
        }
        LesionEngine engine = new LesionEngine(probe, design.inputs(), design.rows());
        engine.outputs(lesions.subList(0, 5));
        long start = System.nanoTime();
        engine.outputs(lesions);
        return lesions.size() / ((System.nanoTime() - start) * 1e-9);
    }
}
