package dnnc.plugins.model;

import dnnc.api.Activations;
import dnnc.api.ImageClassifier;
import dnnc.api.LabeledData;
import dnnc.api.Lesion;
import dnnc.plugins.data.MnistIdxDataset;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Throughput of the model step on the full 8,000 training digits; prints numbers, asserts nothing about speed.
 * Run with {@code -Ddnnc.bench=true -Dtest=ModelBench} (optionally {@code -Ddnnc.bench.epochs=N}).
 */
@EnabledIfSystemProperty(named = "dnnc.bench", matches = "true")
class ModelBench {
    @TempDir
    Path tmp;

    @Test
    void trainingAndDecoderForward() {
        LabeledData data = new MnistIdxDataset().load(new TestRunContext(tmp));
        CbetaVae vae = new CbetaVae();
        vae.configure(Map.of("epochs", System.getProperty("dnnc.bench.epochs", "3"), "seed", "1"));
        TestRunContext context = new TestRunContext(tmp, 0);
        long cpuStart = cpuNanos();
        TrainedCvae model = (TrainedCvae) vae.fit(data, context);
        double trainCpuSeconds = (cpuNanos() - cpuStart) / 1e9;
        context.statuses().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "cvae training: %.0f samples/s per CPU-second of this thread (training + held-out evaluation)%n",
                8000.0 * Integer.parseInt(System.getProperty("dnnc.bench.epochs", "3")) / trainCpuSeconds);
        System.out.printf(Locale.ROOT, "cvae training: %.0f samples/s; test_bce %.2f; kl_per_latent %s%n",
                model.metrics().get("train_samples_per_s"), model.metrics().get("test_bce"), model.metrics().get("kl_per_latent"));

        int batch = 10_000;
        Random random = new Random(1);
        int width = model.inputs().size();
        float[] inputs = new float[batch * width];
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < model.inputs().latents(); j++) {
                inputs[s * width + j] = (float) random.nextGaussian();
            }
            inputs[s * width + model.inputs().latents() + 5] = 1f;
        }
        model.decoder().forward(inputs, batch, Lesion.none());
        int reps = 5;
        long start = System.nanoTime();
        long forwardCpu = cpuNanos();
        for (int r = 0; r < reps; r++) {
            Activations a = model.decoder().forward(inputs, batch, Lesion.none());
            if (a.output().length != batch * 784) {
                throw new AssertionError();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos() - forwardCpu) / 1e9;
        System.out.printf(Locale.ROOT, "decoder forward: %.0f samples/s per CPU-second of this thread%n", reps * batch / cpuSeconds);
        System.out.printf(Locale.ROOT, "decoder forward, all activations, batch %d: %.0f samples/s%n", batch, reps * batch / seconds);

    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The judge (defaults, or -Ddnnc.bench.judge=epochs=4,learning-rate=0.002) on the full split: held-out accuracy, and wall and CPU seconds of this thread. */
    @Test
    void judge() {
        LabeledData data = new MnistIdxDataset().load(new TestRunContext(tmp));
        TestRunContext context = new TestRunContext(tmp, 0);
        CnnJudge judge = new CnnJudge();
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of("seed", "1"));
        for (String setting : System.getProperty("dnnc.bench.judge", "").split(",")) {
            if (!setting.isBlank()) {
                settings.put(setting.split("=")[0].trim(), setting.split("=")[1].trim());
            }
        }
        judge.configure(settings);
        long judgeStart = System.nanoTime();
        long cpuStart = cpuNanos();
        ImageClassifier classifier = (ImageClassifier) judge.fit(data, context);
        System.out.printf(Locale.ROOT, "cnn-judge %s: held-out accuracy %.4f; train + evaluate %.1f s wall, %.1f s CPU of this thread%n",
                judge.parameterValues(), classifier.heldOutAccuracy(), (System.nanoTime() - judgeStart) / 1e9, (cpuNanos() - cpuStart) / 1e9);
        context.statuses().forEach(System.out::println);
    }
}
