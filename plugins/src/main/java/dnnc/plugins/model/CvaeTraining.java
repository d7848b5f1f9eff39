package dnnc.plugins.model;

import dnnc.api.ImageSet;
import dnnc.api.Progress;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.learning.config.Adam;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Trains the cVAE with Adam; one seeded generator draws the initial weights, the epoch orders and the noise. */
final class CvaeTraining {

    /** Trained weights and the per-epoch means of the batch losses (loss, reconstruction BCE, KL). */
    record Result(Map<String, INDArray> weights, double[] loss, double[] reconstruction, double[] kl, double samplesPerSecond) {
    }

    private CvaeTraining() {
    }

    static Result train(CvaeShape shape, ImageSet train, double beta, int epochs, int batchSize, double learningRate,
                        long seed, Progress progress) {
        Random random = new Random(seed);
        Map<String, INDArray> initial = shape.initialWeights(random);
        SameDiff sd = CvaeGraph.training(shape, initial, beta);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(learningRate))
                .dataSetFeatureMapping(CvaeGraph.X, CvaeGraph.C, CvaeGraph.EPS).markLabelsUnused().build());
        silently(sd::createGradFunction);
        Losses epochLosses = new Losses(epochs, beta, progress);
        long start = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            sd.fit(new EpochBatches(train, shape.classes(), shape.latents(), batchSize, random), 1, new BatchLosses(epochLosses));
            epochLosses.epochDone(epoch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, INDArray> trained = new LinkedHashMap<>();
        for (String name : initial.keySet()) {
            trained.put(name, sd.getVariable(name).getArr().dup());
        }
        return epochLosses.result(trained, (double) epochs * train.count() / seconds);
    }

    /** Per-epoch means of the batch losses, reported as each epoch ends. */
    static final class Losses {
        private final double beta;
        private final Progress progress;
        private final double[] loss;
        private final double[] reconstruction;
        private final double[] kl;
        private double reconstructionSum;
        private double klSum;
        private long images;

        Losses(int epochs, double beta, Progress progress) {
            this.beta = beta;
            this.progress = progress;
            this.loss = new double[epochs];
            this.reconstruction = new double[epochs];
            this.kl = new double[epochs];
        }

        /** Sums over images of the summed BCE and of the KL, and the images they cover. */
        void add(double reconstructionTotal, double klTotal, long count) {
            reconstructionSum += reconstructionTotal;
            klSum += klTotal;
            images += count;
            progress.advance(count);
        }

        void epochDone(int epoch) {
            reconstruction[epoch] = reconstructionSum / images;
            kl[epoch] = klSum / images;
            loss[epoch] = reconstruction[epoch] + beta * kl[epoch];
            reconstructionSum = 0;
            klSum = 0;
            images = 0;
            progress.status(String.format(Locale.ROOT, "epoch %d/%d loss %.2f reconstruction %.2f KL %.3f",
                    epoch + 1, loss.length, loss[epoch], reconstruction[epoch], kl[epoch]));
        }

        Result result(Map<String, INDArray> weights, double samplesPerSecond) {
            return new Result(weights, loss, reconstruction, kl, samplesPerSecond);
        }
    }

    /**
     * Takes the loss terms from the training pass itself: the loss SameDiff M2.1 reports to listeners is 0 or
     * NaN (measured on this version) and it never executes the loss op itself (it seeds the gradient there), but the
     * reconstruction and KL ops run and their outputs are right; loss = reconstruction + beta * KL.
     */
    private static final class BatchLosses extends BaseListener {
        private final Losses losses;
        private final Map<String, Double> batch = new HashMap<>();

        BatchLosses(Losses losses) {
            this.losses = losses;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void opExecution(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet data, SameDiffOp op,
                                OpContext context, INDArray[] outputs) {
            List<String> names = op.getOutputsOfOp();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(CvaeGraph.RECONSTRUCTION) || names.get(i).equals(CvaeGraph.KL)) {
                    batch.put(names.get(i), outputs[i].getDouble(0));
                }
            }
        }

        @Override
        public void iterationDone(SameDiff sd, At at, org.nd4j.linalg.dataset.api.MultiDataSet data, Loss loss) {
            long size = data.getFeatures(0).size(0);
            losses.add(take(CvaeGraph.RECONSTRUCTION) * size, take(CvaeGraph.KL) * size, size);
        }

        private double take(String name) {
            Double v = batch.remove(name);
            if (v == null) {
                throw new IllegalStateException("SameDiff did not compute '" + name + "' in the training pass");
            }
            return v;
        }
    }

    /** SameDiff prints a line per differentiated op to System.out while it builds the gradient function. */
    static void silently(Runnable action) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(out);
        }
    }
}
