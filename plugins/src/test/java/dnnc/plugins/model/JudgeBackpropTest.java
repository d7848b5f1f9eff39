package dnnc.plugins.model;

import dnnc.api.ImageSet;
import dnnc.api.LabeledData;
import dnnc.plugins.data.MnistIdxDataset;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written judge training against SameDiff's on the same graph, weights and batches. */
class JudgeBackpropTest {
    /** Odd sides, so the poolings drop a last row or column, and a kernel that is not the default's. */
    private static final JudgeGraph SMALL = new JudgeGraph(11, 10, 3, 2, 3, 4, 5);

    @TempDir
    static Path data;

    private static ImageSet randomImages(JudgeGraph graph, int count, Random random) {
        float[] pixels = new float[count * graph.rows() * graph.cols()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(graph.classes());
        }
        return new ImageSet(count, graph.rows(), graph.cols(), pixels, labels);
    }

    private static LabeledData mnist() {
        MnistIdxDataset dataset = new MnistIdxDataset();
        dataset.configure(Map.of("train", "1600", "held-out", "500"));
        return dataset.load(new TestRunContext(data.resolve("data")));
    }

    @Test
    void theGradientOfABatchEqualsSameDiffsOnASmallGraph() {
        Random random = new Random(4);
        Map<String, INDArray> weights = SMALL.initialWeights(random);
        // Gaussian biases too, so that the ReLUs cut in every layer
        weights.replaceAll((name, w) -> Batches.gaussian(random, 1, (int) w.length()).reshape(w.shape()).muli(0.5));
        // 21 images: two chunks, the second short, so the chunks' shares must add up to the batch mean
        assertGradientsEqualSameDiffs(SMALL, weights, randomImages(SMALL, 21, random));
    }

    @Test
    void theGradientOfABatchEqualsSameDiffsOnTheDefaultGraphAndDigits() {
        LabeledData digits = mnist();
        JudgeGraph graph = new JudgeGraph(28, 28, 5, 16, 32, 128, 10);
        assertGradientsEqualSameDiffs(graph, graph.initialWeights(new Random(9)), digits.train());
    }

    private static void assertGradientsEqualSameDiffs(JudgeGraph graph, Map<String, INDArray> weights, ImageSet images) {
        int size = Math.min(32, images.count());
        int[] order = Batches.identity(images.count());
        JudgeBackprop model = new JudgeBackprop(graph, weights, size, 1e-3, 10, 1);
        INDArray mine = model.gradient(images, order, 0, size);
        FlatParameters layout = new FlatParameters(graph.shapes());

        SameDiff sd = graph.build(weights);
        Map<String, INDArray> placeholders = Map.of(JudgeGraph.X, Batches.pixels(images, order, 0, size),
                JudgeGraph.Y, Batches.oneHot(images, order, 0, size, graph.classes()));
        double theirLoss = sd.output(placeholders, JudgeGraph.LOSS).get(JudgeGraph.LOSS).getDouble(0);
        assertEquals(theirLoss, model.step(images, order, 0, size), 1e-5 * theirLoss);
        @SuppressWarnings("unchecked")
        Map<String, INDArray>[] theirs = new Map[1];
        CvaeTraining.silently(() -> theirs[0] = sd.calculateGradients(placeholders, weights.keySet()));
        for (String name : weights.keySet()) {
            INDArray expected = theirs[0].get(name).castTo(DataType.FLOAT).reshape(weights.get(name).shape());
            INDArray actual = layout.view(mine, name).reshape(weights.get(name).shape());
            double scale = Math.max(1e-3, expected.norm2Number().doubleValue());
            double difference = expected.sub(actual).norm2Number().doubleValue();
            assertTrue(difference < 1e-4 * scale, name + ": |SameDiff - ours| = " + difference + " of |SameDiff| " + scale);
        }
    }

    @Test
    void aCoupleOfHundredStepsFollowSameDiffsLossCurveAndReachItsAccuracy() {
        LabeledData digits = mnist();
        ImageSet train = digits.train();
        JudgeGraph graph = new JudgeGraph(28, 28, 5, 16, 32, 128, 10);
        int batchSize = 32;
        int epochs = 4;
        int steps = epochs * train.count() / batchSize;
        double learningRate = 1.5e-3;
        Map<String, INDArray> initial = graph.initialWeights(new Random(2));
        JudgeBackprop mine = new JudgeBackprop(graph, initial, batchSize, learningRate, steps, ChunkedAdam.CORES);
        SameDiff sd = graph.build(initial);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(new LinearDecay(learningRate, steps)))
                .dataSetFeatureMapping(JudgeGraph.X).dataSetLabelMapping(JudgeGraph.Y).build());
        CvaeTraining.silently(sd::createGradFunction);
        Random random = new Random(5);
        int window = 25;
        double myWindow = 0;
        double theirWindow = 0;
        int step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.shuffled(train.count(), random);
            for (int from = 0; from < train.count(); from += batchSize) {
                DataSet batch = new DataSet(Batches.pixels(train, order, from, batchSize), Batches.oneHot(train, order, from, batchSize, 10));
                theirWindow += sd.output(Map.of(JudgeGraph.X, batch.getFeatures(), JudgeGraph.Y, batch.getLabels()), JudgeGraph.LOSS)
                        .get(JudgeGraph.LOSS).getDouble(0);
                sd.fit(batch);
                myWindow += mine.step(train, order, from, batchSize);
                if (++step % window == 0) {
                    double theirs = theirWindow / window;
                    double ours = myWindow / window;
                    System.out.printf("steps %d-%d: mean loss SameDiff %.5f, backprop %.5f%n", step - window, step, theirs, ours);
                    assertEquals(theirs, ours, 1e-3 + 5e-3 * theirs, "mean loss of steps " + (step - window) + " to " + step);
                    theirWindow = 0;
                    myWindow = 0;
                }
            }
        }
        double theirAccuracy = new TrainedJudge(graph, weightsOf(sd, graph), "", Map.of(), digits.heldOut()).heldOutAccuracy();
        double myAccuracy = new TrainedJudge(graph, mine.weights(), "", Map.of(), digits.heldOut()).heldOutAccuracy();
        System.out.printf("held-out accuracy: SameDiff %.4f, backprop %.4f%n", theirAccuracy, myAccuracy);
        assertTrue(myAccuracy > 0.85, "held-out accuracy " + myAccuracy);
        assertEquals(theirAccuracy, myAccuracy, 0.02);
    }

    private static Map<String, INDArray> weightsOf(SameDiff sd, JudgeGraph graph) {
        Map<String, INDArray> weights = new java.util.LinkedHashMap<>();
        graph.shapes().keySet().forEach(name -> weights.put(name, sd.getVariable(name).getArr().dup()));
        return weights;
    }

    @Test
    void oneThreadAndTwoGiveTheSameBitsAndSoDoesARerun() {
        Random random = new Random(6);
        ImageSet images = randomImages(SMALL, 100, random);
        Map<String, INDArray> initial = SMALL.initialWeights(random);
        float[] oneThread = trainedBits(initial, images, 1);
        float[] twoThreads = trainedBits(initial, images, 2);
        assertArrayEquals(oneThread, twoThreads);
        assertArrayEquals(twoThreads, trainedBits(initial, images, 2));
    }

    private static float[] trainedBits(Map<String, INDArray> initial, ImageSet images, int threads) {
        JudgeBackprop model = new JudgeBackprop(SMALL, initial, 40, 1e-2, 30, threads);
        Random random = new Random(1);
        for (int epoch = 0; epoch < 10; epoch++) {
            int[] order = Batches.shuffled(images.count(), random);
            for (int from = 0; from < images.count(); from += 40) {
                model.step(images, order, from, Math.min(40, images.count() - from));
            }
        }
        FlatParameters flat = new FlatParameters(SMALL.shapes());
        flat.set(model.weights());
        return flat.flat().toFloatVector();
    }
}
