package dnnc.bench.benchmarks;

import dnnc.api.ImageClassifier;
import dnnc.api.InputSchema;
import dnnc.api.Intervention;
import dnnc.api.Lesion;
import dnnc.api.NeuronLayout;
import dnnc.plugins.lesion.EvaluationDesign;
import dnnc.plugins.lesion.JudgeCriterion;
import dnnc.plugins.lesion.LesionEngine;
import dnnc.plugins.lesion.LesionScorer;
import dnnc.plugins.lesion.RandomLesions;
import dnnc.plugins.model.CnnJudge;
import dnnc.plugins.network.DenseNetworkProbe;
import dnnc.plugins.network.SeededDenseNetworks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Lesion evaluations per second, two ways. Decoder only: the incremental batched {@link LesionEngine} against a
 * loop of full forward passes (one {@code probe.forward} per lesion over all its evaluation rows), and against
 * the naive loop (one forward per lesion and alpha). Judged, as the study evaluates a lesion (reconstruct, then
 * the judge classifies every reconstruction): the engine with {@link LesionScorer} and the SIMD judge, against
 * the loop of full forward passes judged by the same SIMD judge, and by the judge's SameDiff graph (how lesions
 * were evaluated before the engine and the SIMD judge). Networks are decoder-shaped (20-128-256-512-784) and the
 * judge has the default architecture, both with random weights: the cost does not depend on the weights.
 * Numbers, not a test: call it from {@code dnnc bench}.
 */
public final class LesionBench {
    /** One measurement (evaluations per second); {@code identical}: engine and loop gave bit-identical outputs and the same judgements. */
    public record Result(String lesionPool, int lesions, int lesionSize, int rows, double perAlphaLoopEvaluationsPerSecond,
                         double loopEvaluationsPerSecond, double engineEvaluationsPerSecond,
                         double judgedLoopOnGraphEvaluationsPerSecond, double judgedLoopEvaluationsPerSecond,
                         double judgedEngineEvaluationsPerSecond, boolean identical) {
        /** Decoder only, against one full forward pass per lesion over all its rows. */
        public double speedup() {
            return engineEvaluationsPerSecond / loopEvaluationsPerSecond;
        }

        /** Decoder only, against one full forward pass per lesion and alpha with do(z_i = alpha) (the naive baseline). */
        public double speedupOverPerAlphaLoop() {
            return engineEvaluationsPerSecond / perAlphaLoopEvaluationsPerSecond;
        }

        /** Judged evaluations: the engine and SIMD judge against full forward passes judged by the SameDiff graph. */
        public double judgedSpeedupOverGraph() {
            return judgedEngineEvaluationsPerSecond / judgedLoopOnGraphEvaluationsPerSecond;
        }

        /** Judged evaluations: the engine against full forward passes, both judged by the SIMD judge. */
        public double judgedSpeedup() {
            return judgedEngineEvaluationsPerSecond / judgedLoopEvaluationsPerSecond;
        }
    }

    private static final int TARGET = 5;

    private LesionBench() {
    }

    /** Lesions drawn from every neuron, from hidden and output neurons, and from the last hidden layer and outputs. */
    public static List<Result> run(int lesions, int lesionSize, int draws, long seed) {
        DenseNetworkProbe probe = SeededDenseNetworks.decoder(seed, 20, 128, 256, 512, 784);
        InputSchema schema = new InputSchema(10, 10, uniform(10));
        EvaluationDesign design = EvaluationDesign.of(schema, 0, new double[] {-3, -2, -1, 0, 1, 2, 3}, draws, TARGET, seed);
        ImageClassifier simdJudge = CnnJudge.untrained(28, 28, 10, seed, false);
        ImageClassifier graphJudge = CnnJudge.untrained(28, 28, 10, seed, true);
        NeuronLayout layout = probe.layout();
        int[] everything = IntStream.range(0, layout.total()).toArray();
        int[] beyondInputs = IntStream.range(layout.offset(1), layout.total()).toArray();
        int[] lastHiddenAndOutputs = IntStream.range(layout.offset(3), layout.total()).toArray();
        Judges judges = new Judges(simdJudge, graphJudge);
        return List.of(
                measure("all", probe, design, judges, randomLesions(layout, everything, lesions, lesionSize, seed + 1)),
                measure("hidden+output", probe, design, judges, randomLesions(layout, beyondInputs, lesions, lesionSize, seed)),
                measure("last-hidden+output", probe, design, judges, randomLesions(layout, lastHiddenAndOutputs, lesions, lesionSize, seed + 2)));
    }

    private record Judges(ImageClassifier simd, ImageClassifier graph) {
    }

    private static Result measure(String pool, DenseNetworkProbe probe, EvaluationDesign design, Judges judges, List<Lesion> lesions) {
        int rows = design.rows();
        int n = lesions.size();
        // warm up ND4J and the JIT before timing
        judges.simd().classify(probe.forward(design.inputs(), rows, lesions.get(0)).output(), rows);
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
        List<float[]> batched = new LesionEngine(probe, design.inputs(), rows).outputs(lesions);
        long t2 = System.nanoTime();
        double loopSeconds = (t1 - t0) * 1e-9;
        double graphJudgeSeconds = judgeSeconds(judges.graph(), loop, rows);
        long t3 = System.nanoTime();
        List<int[]> loopJudged = new ArrayList<>();
        for (Lesion lesion : lesions) {
            loopJudged.add(judges.simd().classify(probe.forward(design.inputs(), rows, lesion).output(), rows));
        }
        long t4 = System.nanoTime();
        LesionScorer scorer = new LesionScorer(new LesionEngine(probe, design.inputs(), rows), design, new JudgeCriterion(),
                judges.simd(), 28, 28);
        List<LesionScorer.Scored> engineJudged = scorer.damagesOnly(lesions);
        long t5 = System.nanoTime();
        boolean identical = IntStream.range(0, n).allMatch(i -> Arrays.equals(loop.get(i), batched.get(i))
                && Arrays.equals(failures(loopJudged.get(i)), engineJudged.get(i).damages()));
        return new Result(pool, n, lesions.get(0).size(), rows, n / ((t0 - tAlpha) * 1e-9), n / loopSeconds, n / ((t2 - t1) * 1e-9),
                n / (loopSeconds + graphJudgeSeconds), n / ((t4 - t3) * 1e-9), n / ((t5 - t4) * 1e-9), identical);
    }

    /** Seconds the judge takes to classify every lesion's reconstructions, one call per lesion. */
    private static double judgeSeconds(ImageClassifier judge, List<float[]> outputs, int rows) {
        long start = System.nanoTime();
        for (float[] output : outputs) {
            judge.classify(output, rows);
        }
        return (System.nanoTime() - start) * 1e-9;
    }

    /** The judge criterion's damages: 1 where the class is not the target. */
    private static double[] failures(int[] classes) {
        return Arrays.stream(classes).mapToDouble(c -> c == TARGET ? 0 : 1).toArray();
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

    public static void main(String[] args) {
        int lesions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int draws = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        for (Result r : run(lesions, size, draws, 1L)) {
            System.out.printf(java.util.Locale.ROOT, "pool %-18s %d lesions of %d neurons, %d rows; decoder only: per-alpha loop %.1f, loop %.1f, "
                            + "engine %.1f eval/s (%.2fx loop, %.2fx per-alpha loop); judged: loop + graph judge %.1f, loop + SIMD judge %.1f, "
                            + "engine + SIMD judge %.1f eval/s (%.2fx, %.2fx); identical %s%n",
                    r.lesionPool(), r.lesions(), r.lesionSize(), r.rows(), r.perAlphaLoopEvaluationsPerSecond(), r.loopEvaluationsPerSecond(),
                    r.engineEvaluationsPerSecond(), r.speedup(), r.speedupOverPerAlphaLoop(), r.judgedLoopOnGraphEvaluationsPerSecond(),
                    r.judgedLoopEvaluationsPerSecond(), r.judgedEngineEvaluationsPerSecond(), r.judgedSpeedupOverGraph(), r.judgedSpeedup(),
                    r.identical());
        }
    }
}
