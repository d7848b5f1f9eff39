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

    /** Judge inference, images/s: the SIMD forward against the SameDiff graph, in lesion-sized calls and in one call. */
    @Test
    void judgeInference() {
        JudgeGraph graph = new JudgeGraph(28, 28, 5, 16, 32, 128, 10);
        Random random = new Random(3);
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> weights = graph.initialWeights(random);
        int images = 7_000;
        float[] x = new float[images * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        JudgeForward simd = new JudgeForward(graph, weights);
        org.nd4j.autodiff.samediff.SameDiff sd = graph.build(weights);
        for (int call : new int[] {140, images}) {
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                long t0 = System.nanoTime();
                for (int from = 0; from < images; from += call) {
                    simd.classify(java.util.Arrays.copyOfRange(x, from * 784, (from + call) * 784), call);
                }
                long t1 = System.nanoTime();
                for (int from = 0; from < images; from += call) {
                    sd.output(Map.of(JudgeGraph.X, org.nd4j.linalg.factory.Nd4j.create(java.util.Arrays.copyOfRange(x, from * 784, (from + call) * 784),
                            new long[] {call, 784}, 'c')), JudgeGraph.LOGITS);
                }
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "judge inference, calls of %d images: simd %.0f images/s, samediff %.0f images/s%n",
                        call, images / ((t1 - t0) / 1e9), images / ((t2 - t1) / 1e9));
            }
        }
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Every thread's, the training pool's too (a loaded machine stretches wall time, not this). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
        long processCpuStart = processCpuNanos();
        ImageClassifier classifier = (ImageClassifier) judge.fit(data, context);
        System.out.printf(Locale.ROOT, "cnn-judge %s: held-out accuracy %.4f; train + evaluate %.1f s wall, %.1f s CPU of this thread, "
                        + "%.1f s CPU of the process%n", judge.parameterValues(), classifier.heldOutAccuracy(),
                (System.nanoTime() - judgeStart) / 1e9, (cpuNanos() - cpuStart) / 1e9, (processCpuNanos() - processCpuStart) / 1e9);
        context.statuses().forEach(System.out::println);
    }
}
