package dnnc.bench.benchmarks;

import dnnc.bench.Benchmark;
import dnnc.bench.BenchmarkSettings;
import dnnc.api.LabeledData;
import dnnc.plugins.data.MnistIdxDataset;
import dnnc.plugins.model.TrainedCvae;

import java.util.LinkedHashMap;
import java.util.Map;

/** cVAE training on the embedded 8,000 training digits (batch 128, Adam), through the cbeta-vae plugin. */
public final class TrainingBenchmark implements Benchmark {
    @Override
    public String name() {
        return "training";
    }

    @Override
    public String description() {
        return "cVAE training samples/s on the embedded digits (option training.epochs, default 2)";
    }

    @Override
    public Map<String, Double> run(BenchmarkSettings settings) {
        int epochs = settings.intOption("training.epochs", 2);
        LabeledData data = new MnistIdxDataset().load(new BenchRunContext(settings.scratch().resolve("data"), 0, settings.log()));
        int[] repeat = {0};
        double rate = Timings.median(settings.repeats(), () -> {
            // a fresh cache folder per repeat: the model must be trained, never loaded
            BenchRunContext context = new BenchRunContext(settings.scratch().resolve("training-" + repeat[0]++),
                    settings.seed(), settings.log());
            TrainedCvae model = Pipeline.train(data, epochs, settings.seed(), context);
            return ((Number) model.metrics().get("train_samples_per_s")).doubleValue();
        });
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("samples_per_s", rate);
        figures.put("epoch_s", data.train().count() / rate);
        return figures;
    }
}
