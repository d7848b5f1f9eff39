package dnnc.plugins.lesion;

import dnnc.api.InputSchema;
import dnnc.api.Intervention;
import dnnc.api.Lesion;
import dnnc.api.NeuronLayout;
import dnnc.plugins.network.DenseNetworkProbe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Lesion evaluations per second: the incremental batched {@link LesionEngine} against a loop of full forward
 * passes (one {@code probe.forward} per lesion over all its evaluation rows), on a decoder-shaped
 * 20-128-256-512-784 network with random weights. Numbers, not a test: call it from {@code dnnc bench}.
 */
public final class LesionBench {
    /** One measurement; {@code identical} says whether both ways gave bit-identical outputs. */
    public record Result(String lesionPool, int lesions, int lesionSize, int rows, double perAlphaLoopEvaluationsPerSecond,
                         double loopEvaluationsPerSecond, double engineEvaluationsPerSecond,
                         double unstackedEngineEvaluationsPerSecond, boolean identical) {
        /** Against one full forward pass per lesion over all its rows (the strong baseline). */
        public double speedup() {
            return engineEvaluationsPerSecond / loopEvaluationsPerSecond;
        }

        /** Against one full forward pass per lesion and alpha with do(z_i = alpha) (the naive baseline). */
        public double speedupOverPerAlphaLoop() {
            return engineEvaluationsPerSecond / perAlphaLoopEvaluationsPerSecond;
        }
    }

    private LesionBench() {
    }

    /** Lesions drawn from every neuron, from hidden and output neurons, and from the last hidden layer and outputs. */
    public static List<Result> run(int lesions, int lesionSize, int draws, long seed) {
        DenseNetworkProbe probe = randomDecoder(seed, 20, 128, 256, 512, 784);
        InputSchema schema = new InputSchema(10, 10, uniform(10));
        EvaluationDesign design = EvaluationDesign.of(schema, 0, new double[] {-3, -2, -1, 0, 1, 2, 3}, draws, 5, seed);
        NeuronLayout layout = probe.layout();
        int[] everything = IntStream.range(0, layout.total()).toArray();
        int[] beyondInputs = IntStream.range(layout.offset(1), layout.total()).toArray();
        int[] lastHiddenAndOutputs = IntStream.range(layout.offset(3), layout.total()).toArray();
        return List.of(
                measure("all", probe, design, randomLesions(layout, everything, lesions, lesionSize, seed + 1)),
                measure("hidden+output", probe, design, randomLesions(layout, beyondInputs, lesions, lesionSize, seed)),
                measure("last-hidden+output", probe, design, randomLesions(layout, lastHiddenAndOutputs, lesions, lesionSize, seed + 2)));
    }

    private static Result measure(String pool, DenseNetworkProbe probe, EvaluationDesign design, List<Lesion> lesions) {
        int rows = design.rows();
        probe.forward(design.inputs(), rows, lesions.get(0)); // warm up ND4J before timing
        long tAlpha = System.nanoTime();
        int width = design.inputSize();
        int perAlpha = design.draws();
        for (Lesion lesion : lesions) {
            for (int a = 0; a < design.alphas().length; a++) {
                float[] block = Arrays.copyOfRange(design.inputs(), a * perAlpha * width, (a + 1) * perAlpha * width);
                probe.forward(block, perAlpha, List.of(new Intervention(design.latent(), (float) design.alphas()[a])), lesion);
            }
        }
        long t0 = System.nanoTime();
        List<float[]> loop = new ArrayList<>();
        for (Lesion lesion : lesions) {
            loop.add(probe.forward(design.inputs(), rows, lesion).output());
        }
        long t1 = System.nanoTime();
        LesionEngine engine = new LesionEngine(probe, design.inputs(), rows);
        List<float[]> batched = engine.outputs(lesions);
        long t2 = System.nanoTime();
        new LesionEngine(probe, design.inputs(), rows, rows).outputs(lesions);
        long t3 = System.nanoTime();
        boolean identical = IntStream.range(0, lesions.size()).allMatch(i -> Arrays.equals(loop.get(i), batched.get(i)));
        return new Result(pool, lesions.size(), lesions.get(0).size(), rows, lesions.size() / ((t0 - tAlpha) * 1e-9),
                lesions.size() / ((t1 - t0) * 1e-9), lesions.size() / ((t2 - t1) * 1e-9), lesions.size() / ((t3 - t2) * 1e-9), identical);
    }

    private static List<Lesion> randomLesions(NeuronLayout layout, int[] pool, int count, int size, long seed) {
        Random random = new Random(seed);
        List<Lesion> lesions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lesions.add(Lesion.ofGlobal(layout, RandomLesions.sampleWithoutReplacement(random, pool, size)));
        }
        return lesions;
    }

    private static double[] uniform(int n) {
        double[] f = new double[n];
        Arrays.fill(f, 1.0 / n);
        return f;
    }

    /** A dense ReLU network with a sigmoid output and He-scaled Gaussian weights (seeded). */
    public static DenseNetworkProbe randomDecoder(long seed, int... sizes) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(List.of("input"));
        List<float[][]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        List<DenseNetworkProbe.Activation> activations = new ArrayList<>();
        for (int c = 0; c + 1 < sizes.length; c++) {
            double scale = Math.sqrt(2.0 / sizes[c]);
            float[][] w = new float[sizes[c]][sizes[c + 1]];
            for (float[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) (random.nextGaussian() * scale);
                }
            }
            float[] b = new float[sizes[c + 1]];
            for (int j = 0; j < b.length; j++) {
                b[j] = (float) (0.1 * random.nextGaussian());
            }
            weights.add(w);
            biases.add(b);
            boolean last = c + 2 == sizes.length;
            activations.add(last ? DenseNetworkProbe.Activation.SIGMOID : DenseNetworkProbe.Activation.RELU);
            names.add(last ? "output" : "hidden" + (c + 1));
        }
        return new DenseNetworkProbe(names, weights, biases, activations);
    }

    public static void main(String[] args) {
        int lesions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int draws = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        for (Result r : run(lesions, size, draws, 1L)) {
            System.out.printf("pool %-13s %d lesions of %d neurons, %d rows: per-alpha loop %.1f eval/s, loop %.1f eval/s, "
                            + "engine %.1f eval/s (one lesion per batch %.1f; %d threads): %.2fx over loop, %.2fx over per-alpha loop, identical %s%n",
                    r.lesionPool(), r.lesions(), r.lesionSize(), r.rows(), r.perAlphaLoopEvaluationsPerSecond(),
                    r.loopEvaluationsPerSecond(), r.engineEvaluationsPerSecond(), r.unstackedEngineEvaluationsPerSecond(),
                    Runtime.getRuntime().availableProcessors(),
                    r.speedup(), r.speedupOverPerAlphaLoop(), r.identical());
        }
    }
}
