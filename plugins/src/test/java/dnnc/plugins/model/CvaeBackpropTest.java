package dnnc.plugins.model;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written gradient of the cVAE's loss on a tiny net, against finite differences and SameDiff's. */
class CvaeBackpropTest {
    private static final CvaeShape TINY = new CvaeShape(6, 3, 2, new int[] {5, 4});
    private static final double BETA = 2.5;

    /** A batch of {@code rows} (x in [0, 1], one-hot c, Gaussian eps) and the net's weights, all from one seed. */
    private record Batch(INDArray x, INDArray c, INDArray eps, int rows) {
        static Batch of(int rows, Random random) {
            float[] x = new float[rows * TINY.pixels()];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextFloat();
            }
            float[] c = new float[rows * TINY.classes()];
            for (int r = 0; r < rows; r++) {
                c[r * TINY.classes() + random.nextInt(TINY.classes())] = 1f;
            }
            return new Batch(Nd4j.create(x, new long[] {rows, TINY.pixels()}, 'c'),
                    Nd4j.create(c, new long[] {rows, TINY.classes()}, 'c'), Batches.gaussian(random, rows, TINY.latents()), rows);
        }
    }

    /** The loss of the whole batch and its gradient (chunk gradients summed), laid out like the flat parameters. */
    private record LossAndGradient(double loss, double reconstruction, double kl, INDArray gradient) {
    }

    private static LossAndGradient evaluate(FlatParameters parameters, Batch batch) {
        CvaeBackprop model = new CvaeBackprop(TINY, parameters, BETA);
        INDArray gradient = parameters.zeros();
        double reconstruction = 0;
        double kl = 0;
        for (int from = 0; from < batch.rows(); from += CvaeBackprop.CHUNK_ROWS) {
            CvaeBackprop.Workspace chunk = model.new Workspace();
            chunk.pass(batch.x(), batch.c(), batch.eps(), from, Math.min(CvaeBackprop.CHUNK_ROWS, batch.rows() - from), batch.rows());
            gradient.addi(chunk.gradient);
            reconstruction += chunk.reconstructionSum;
            kl += chunk.klSum;
        }
        return new LossAndGradient((reconstruction + BETA * kl) / batch.rows(), reconstruction / batch.rows(), kl / batch.rows(), gradient);
    }

    private static FlatParameters parameters(Random random) {
        FlatParameters parameters = new FlatParameters(TINY.weightShapes());
        parameters.set(TINY.initialWeights(random));
        return parameters;
    }

    @Test
    void theGradientMatchesCentralFiniteDifferencesInEveryWeight() {
        Random random = new Random(3);
        FlatParameters parameters = parameters(random);
        // 70 rows: two chunks, the second short, so the chunks' shares must add up to the batch mean
        Batch batch = Batch.of(70, random);
        INDArray analytic = evaluate(parameters, batch).gradient();
        INDArray flat = parameters.flat();
        double step = 3e-3;
        List<String> wrong = new ArrayList<>();
        for (long i = 0; i < flat.length(); i++) {
            float original = flat.getFloat(i);
            flat.putScalar(i, original + step);
            double up = evaluate(parameters, batch).loss();
            flat.putScalar(i, original - step);
            double down = evaluate(parameters, batch).loss();
            flat.putScalar(i, original);
            double numeric = (up - down) / (2 * step);
            double mine = analytic.getDouble(i);
            if (Math.abs(numeric - mine) > 2e-3 + 2e-2 * Math.abs(numeric)) {
                wrong.add("weight " + i + ": analytic " + mine + ", finite difference " + numeric);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + flat.length() + " differ: " + wrong);
    }

    @Test
    void theLossAndGradientEqualSameDiffsOnTheSameGraph() {
        Random random = new Random(11);
        FlatParameters parameters = parameters(random);
        Batch batch = Batch.of(9, random);
        LossAndGradient mine = evaluate(parameters, batch);

        Map<String, INDArray> weights = parameters.get();
        SameDiff sd = CvaeGraph.training(TINY, weights, BETA);
        Map<String, INDArray> placeholders = Map.of(CvaeGraph.X, batch.x(), CvaeGraph.C, batch.c(), CvaeGraph.EPS, batch.eps());
        Map<String, INDArray> outputs = sd.output(placeholders, CvaeGraph.RECONSTRUCTION, CvaeGraph.KL);
        assertEquals(outputs.get(CvaeGraph.RECONSTRUCTION).getDouble(0), mine.reconstruction(), 1e-5 * mine.reconstruction());
        assertEquals(outputs.get(CvaeGraph.KL).getDouble(0), mine.kl(), 1e-5 + 1e-5 * mine.kl());
        Map<String, INDArray> theirs = silentlyGradients(sd, placeholders, weights.keySet());
        for (String name : weights.keySet()) {
            INDArray expected = theirs.get(name).castTo(DataType.FLOAT).reshape(weights.get(name).shape());
            INDArray actual = parameters.view(mine.gradient(), name).reshape(weights.get(name).shape());
            double scale = Math.max(1e-3, expected.norm2Number().doubleValue());
            double difference = expected.sub(actual).norm2Number().doubleValue();
            assertTrue(difference < 1e-5 * scale + 1e-7, name + ": |SameDiff - ours| = " + difference + " of |SameDiff| " + scale);
        }
    }

    private static Map<String, INDArray> silentlyGradients(SameDiff sd, Map<String, INDArray> placeholders, java.util.Collection<String> names) {
        @SuppressWarnings("unchecked")
        Map<String, INDArray>[] result = new Map[1];
        CvaeTraining.silently(() -> result[0] = sd.calculateGradients(placeholders, names));
        return result[0];
    }
}
