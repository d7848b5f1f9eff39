package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.api.LabeledData;
import dnnc.plugins.data.MnistIdxDataset;

import java.util.LinkedHashMap;
import java.util.Map;

/** The reference pipeline's work done by dnnc end to end (see {@link Pipeline}); once, it is long. */
public final class StudyBenchmark implements Benchmark {
    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String description() {
        return "the reference pipeline's work in dnnc: train 10 epochs, forward, ACE z_1, 14 x (Spearman + AP) (options pipeline.epochs, pipeline.draws)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int epochs = settings.intOption("pipeline.epochs", 10);
        int draws = settings.intOption("pipeline.draws", 1000);
        BenchRunContext context = new BenchRunContext(settings.scratch().resolve("pipeline"), settings.seed(), settings.log());
        LabeledData data = new MnistIdxDataset().load(context);
        long t0 = System.nanoTime();
        Map<String, Double> stages = Pipeline.run(data, epochs, draws, settings.seed(), context);
        double total = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> figures = new LinkedHashMap<>();
        stages.forEach((k, v) -> figures.put(k.startsWith("clusters.") ? k : k + ".s", v));
        figures.put("total.s", total);
        return figures;
    }
}
