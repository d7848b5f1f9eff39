package dnnc.plugins.model;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import dnnc.api.ImageSet;
import dnnc.api.Progress;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cVAE's loss and its gradient written out by hand for its dense layers (METHODS.md section 1): the same
 * model, loss and weight names as {@link CvaeGraph#training}, over ND4J's GEMMs and in-place element-wise ops on
 * arrays allocated once. A mini-batch is cut into chunks of at most {@link #CHUNK_ROWS} rows; each chunk's
 * forward and backward pass runs on its own workspace (so chunks can run on separate threads) and leaves that
 * chunk's share of the gradient in the workspace's flat gradient vector, laid out like {@link FlatParameters#flat}.
 * The chunks do not depend on the number of threads, so neither do the sums.
 */
final class CvaeBackprop {
    static final int CHUNK_ROWS = 64;

    private final CvaeShape shape;
    private final double beta;
    private final FlatParameters parameters;
    private final INDArray[] encoderW;
    private final INDArray[] encoderB;
    private final INDArray[] decoderW;
    private final INDArray[] decoderB;
    private final INDArray muW;
    private final INDArray muB;
    private final INDArray logvarW;
    private final INDArray logvarB;

    CvaeBackprop(CvaeShape shape, FlatParameters parameters, double beta) {
        this.shape = shape;
        this.beta = beta;
        this.parameters = parameters;
        List<String> encoder = shape.encoderLayerNames();
        List<String> decoder = shape.decoderLayerNames().subList(1, shape.decoderLayerNames().size());
        encoderW = views(parameters.flat(), encoder, "_w");
        encoderB = views(parameters.flat(), encoder, "_b");
        decoderW = views(parameters.flat(), decoder, "_w");
        decoderB = views(parameters.flat(), decoder, "_b");
        muW = parameters.view(parameters.flat(), "mu_w");
        muB = parameters.view(parameters.flat(), "mu_b");
        logvarW = parameters.view(parameters.flat(), "logvar_w");
        logvarB = parameters.view(parameters.flat(), "logvar_b");
    }

    /**
     * Trains as {@link CvaeTraining#train} does, from the same draws of the same seeded generator (initial weights,
     * then each epoch's order and noise), with Adam as ND4J's updater computes it (step counted from 0, ND4J's
     * default betas and epsilon). A batch's chunks run on every core and {@link ChunkedAdam} sums their gradients in
     * chunk order, so the result does not depend on the thread count.
     */
    static CvaeTraining.Result train(CvaeShape shape, ImageSet train, double beta, int epochs, int batchSize,
                                     double learningRate, long seed, Progress progress) {
        Random random = new Random(seed);
        FlatParameters parameters = new FlatParameters(shape.weightShapes());
        parameters.set(shape.initialWeights(random));
        CvaeBackprop model = new CvaeBackprop(shape, parameters, beta);
        List<Workspace> workspaces = new ArrayList<>();
        for (int i = 0; i < (Math.min(batchSize, train.count()) + CHUNK_ROWS - 1) / CHUNK_ROWS; i++) {
            workspaces.add(model.new Workspace());
        }
        ChunkedAdam adam = new ChunkedAdam(parameters, workspaces.stream().map(w -> w.gradient).toList(), new Adam(learningRate),
                ChunkedAdam.CORES);
        CvaeTraining.Losses losses = new CvaeTraining.Losses(epochs, beta, progress);
        int step = 0;
        long start = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            EpochBatches batches = new EpochBatches(train, shape.classes(), shape.latents(), batchSize, random);
            while (batches.hasNext()) {
                MultiDataSet batch = batches.next();
                INDArray x = batch.getFeatures(0);
                INDArray c = batch.getFeatures(1);
                INDArray eps = batch.getFeatures(2);
                int rows = (int) x.rows();
                int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
                adam.inParallel(chunks, i -> workspaces.get(i).pass(x, c, eps, i * CHUNK_ROWS, Math.min(CHUNK_ROWS, rows - i * CHUNK_ROWS), rows));
                adam.step(chunks, step++);
                double reconstruction = 0;
                double kl = 0;
                for (int i = 0; i < chunks; i++) {
                    reconstruction += workspaces.get(i).reconstructionSum;
                    kl += workspaces.get(i).klSum;
                }
                losses.add(reconstruction, kl, rows);
            }
            losses.epochDone(epoch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return losses.result(parameters.get(), (double) epochs * train.count() / seconds);
    }

    private INDArray[] views(INDArray flat, List<String> layers, String suffix) {
        return layers.stream().map(layer -> parameters.view(flat, layer + suffix)).toArray(INDArray[]::new);
    }

    /** One chunk's arrays: activations, their gradients and the chunk's gradient of every weight. */
    final class Workspace {
        final INDArray gradient = parameters.zeros();
        private final INDArray[] encoderGradW;
        private final INDArray[] encoderGradB;
        private final INDArray[] decoderGradW;
        private final INDArray[] decoderGradB;
        private final INDArray muGradW;
        private final INDArray muGradB;
        private final INDArray logvarGradW;
        private final INDArray logvarGradB;
        private final INDArray ones = Nd4j.ones(DataType.FLOAT, 1, CHUNK_ROWS);
        private final Map<String, DataBuffer> buffers = new LinkedHashMap<>();
        /** Sums over this chunk's rows of the summed BCE and the summed KL, from the last {@link #pass}. */
        double reconstructionSum;
        double klSum;

        Workspace() {
            List<String> encoder = shape.encoderLayerNames();
            List<String> decoder = shape.decoderLayerNames().subList(1, shape.decoderLayerNames().size());
            encoderGradW = views(gradient, encoder, "_w");
            encoderGradB = views(gradient, encoder, "_b");
            decoderGradW = views(gradient, decoder, "_w");
            decoderGradB = views(gradient, decoder, "_b");
            muGradW = parameters.view(gradient, "mu_w");
            muGradB = parameters.view(gradient, "mu_b");
            logvarGradW = parameters.view(gradient, "logvar_w");
            logvarGradB = parameters.view(gradient, "logvar_b");
        }

        /** This workspace's rows x width matrix named {@code slot}; contents undefined. */
        private INDArray matrix(String slot, int rows, long width) {
            DataBuffer buffer = buffers.computeIfAbsent(slot, k -> Nd4j.createBuffer(DataType.FLOAT, CHUNK_ROWS * width, false));
            return Nd4j.create(buffer, new long[] {rows, width}, new long[] {width, 1}, 0, 'c');
        }

        /**
         * Forward and backward pass of rows [from, from + rows) of a batch of {@code batchRows}: x [batch, pixels],
         * one-hot c [batch, classes], noise eps [batch, latents]. Leaves the gradient of this chunk's share of the
         * batch loss (mean over the batch's rows of summed BCE + beta * KL) in {@link #gradient}.
         */
        void pass(INDArray x, INDArray c, INDArray eps, int from, int rows, int batchRows) {
            int pixels = shape.pixels();
            int classes = shape.classes();
            int latents = shape.latents();
            INDArray xs = rowsOf(x, from, rows);
            INDArray cs = rowsOf(c, from, rows);
            INDArray epsRows = rowsOf(eps, from, rows);

            int depth = encoderW.length;
            INDArray[] enc = new INDArray[depth + 1];
            enc[0] = matrix("enc0", rows, pixels + classes);
            columns(enc[0], 0, pixels).assign(xs);
            columns(enc[0], pixels, classes).assign(cs);
            for (int l = 0; l < depth; l++) {
                enc[l + 1] = dense("enc" + (l + 1), enc[l], encoderW[l], encoderB[l], true);
            }
            INDArray h = enc[depth];
            INDArray mu = dense("mu", h, muW, muB, false);
            INDArray logvar = dense("logvar", h, logvarW, logvarB, false);
            INDArray std = matrix("std", rows, latents).assign(logvar).muli(0.5);
            Transforms.exp(std, false);
            int decoderDepth = decoderW.length;
            INDArray[] dec = new INDArray[decoderDepth + 1];
            dec[0] = matrix("dec0", rows, latents + classes);
            columns(dec[0], 0, latents).assign(epsRows).muli(std).addi(mu);
            columns(dec[0], latents, classes).assign(cs);
            for (int l = 0; l < decoderDepth; l++) {
                dec[l + 1] = dense("dec" + (l + 1), dec[l], decoderW[l], decoderB[l], l < decoderDepth - 1);
            }
            INDArray logits = dec[decoderDepth];

            // summed BCE with logits, stable for large |logit|: max(l, 0) - x l + log(1 + exp(-|l|))
            INDArray scratch = matrix("bce", rows, pixels).assign(logits);
            Transforms.abs(scratch, false).negi();
            Transforms.log1p(Transforms.exp(scratch, false), false);
            double softplusTail = scratch.sumNumber().doubleValue();
            double positive = Transforms.relu(scratch.assign(logits), false).sumNumber().doubleValue();
            double crossed = scratch.assign(logits).muli(xs).sumNumber().doubleValue();
            reconstructionSum = positive - crossed + softplusTail;
            INDArray variance = matrix("variance", rows, latents).assign(std).muli(std);
            INDArray klTerms = matrix("kl", rows, latents).assign(mu).muli(mu).addi(variance).subi(logvar).subi(1);
            klSum = 0.5 * klTerms.sumNumber().doubleValue();

            // d loss / d logits = (sigmoid(l) - x) / batch
            double perRow = 1.0 / batchRows;
            INDArray g = Transforms.sigmoid(scratch.assign(logits), false).subi(xs).muli(perRow);
            for (int l = decoderDepth - 1; l >= 0; l--) {
                g = backward("dec" + l, dec[l], g, decoderW[l], decoderGradW[l], decoderGradB[l], rows);
            }
            INDArray gz = columns(g, 0, latents);
            // d/d mu = dz + beta mu / batch; d/d logvar = dz eps std / 2 + beta (exp(logvar) - 1) / (2 batch)
            INDArray gMu = matrix("g_mu", rows, latents).assign(mu).muli(beta * perRow).addi(gz);
            INDArray gLogvar = matrix("g_logvar", rows, latents).assign(variance).subi(1).muli(0.5 * beta * perRow);
            gLogvar.addi(matrix("g_noise", rows, latents).assign(epsRows).muli(std).muli(gz).muli(0.5));
            weightGradients(h, gMu, muGradW, muGradB, rows);
            weightGradients(h, gLogvar, logvarGradW, logvarGradB, rows);
            INDArray gh = matrix("g_h", rows, h.columns());
            Nd4j.gemm(gMu, muW, gh, false, true, 1.0, 0.0);
            Nd4j.gemm(gLogvar, logvarW, gh, false, true, 1.0, 1.0);
            reluGradient(gh, h, "g_h_mask");
            g = gh;
            for (int l = depth - 1; l >= 0; l--) {
                g = backward(l == 0 ? null : "enc" + l, enc[l], g, encoderW[l], encoderGradW[l], encoderGradB[l], rows);
            }
        }

        private INDArray dense(String slot, INDArray in, INDArray w, INDArray b, boolean relu) {
            INDArray out = matrix(slot, (int) in.rows(), w.columns());
            Nd4j.gemm(in, w, out, false, false, 1.0, 0.0);
            out.addiRowVector(b);
            return relu ? Transforms.relu(out, false) : out;
        }

        /**
         * The weight gradients of a layer with input {@code in} (a ReLU output, or the network's input) and the
         * gradient {@code g} of its pre-activation; returns the gradient of the pre-activation of the layer below
         * ({@code in}'s ReLU undone), or null when {@code slot} is null (nothing below to train).
         */
        private INDArray backward(String slot, INDArray in, INDArray g, INDArray w, INDArray gradW, INDArray gradB, int rows) {
            weightGradients(in, g, gradW, gradB, rows);
            if (slot == null) {
                return null;
            }
            INDArray below = matrix("g_" + slot, rows, in.columns());
            Nd4j.gemm(g, w, below, false, true, 1.0, 0.0);
            return slot.equals("dec0") ? below : reluGradient(below, in, "mask_" + slot);
        }

        private void weightGradients(INDArray in, INDArray g, INDArray gradW, INDArray gradB, int rows) {
            Nd4j.gemm(in, g, gradW, true, false, 1.0, 0.0);
            Nd4j.gemm(columns(ones, 0, rows), g, gradB, false, false, 1.0, 0.0);
        }

        /** g times ReLU'(pre-activation), read off the ReLU's output {@code out} (positive exactly where it passed). */
        private INDArray reluGradient(INDArray g, INDArray out, String slot) {
            INDArray mask = matrix(slot, (int) out.rows(), out.columns()).assign(out);
            return g.muli(Transforms.step(mask, false));
        }
    }

    private static INDArray rowsOf(INDArray m, int from, int rows) {
        long width = m.columns();
        return Nd4j.create(m.data(), new long[] {rows, width}, new long[] {width, 1}, m.offset() + from * width, 'c');
    }

    private static INDArray columns(INDArray m, long from, long count) {
        return m.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + count));
    }
}
