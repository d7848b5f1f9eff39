package dnnc.plugins.model;

import dnnc.api.ConvolutionalLayers;
import dnnc.api.DenseLayers;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The judge as a SameDiff graph: conv(k x k, filters1)-maxpool-conv(k x k, filters2)-maxpool-dense-softmax, over
 * flat row-major images. Each convolution is written as im2col (shifted views of the input side by side) and one
 * GEMM: on this machine libnd4j's conv2d ops (and DL4J's ConvolutionLayer over them) train about half as fast.
 */
record JudgeGraph(int rows, int cols, int kernel, int filters1, int filters2, int dense, int classes) {
    static final String X = "x";
    static final String Y = "y";
    static final String LOGITS = "logits";
    static final String LOSS = "loss";
    private static final List<String> LAYERS = List.of("conv1", "conv2", "dense", "out");

    JudgeGraph {
        if (pooledTwice(rows, kernel) < 1 || pooledTwice(cols, kernel) < 1) {
            throw new IllegalArgumentException(rows + " x " + cols + " images are too small for two " + kernel + " x " + kernel
                    + " convolutions with 2 x 2 pooling");
        }
    }

    /** He-normal weights (Glorot for the softmax layer) and zero biases, drawn from {@code random} in layer order. */
    Map<String, INDArray> initialWeights(Random random) {
        Map<String, INDArray> w = new LinkedHashMap<>();
        long[][] shapes = weightShapes();
        for (int l = 0; l < LAYERS.size(); l++) {
            long fanIn = shapes[l][0];
            double std = l == LAYERS.size() - 1 ? Math.sqrt(2.0 / (fanIn + shapes[l][1])) : Math.sqrt(2.0 / fanIn);
            w.put(LAYERS.get(l) + "_w", Batches.gaussian(random, (int) fanIn, (int) shapes[l][1]).muli(std));
            w.put(LAYERS.get(l) + "_b", Nd4j.zeros(DataType.FLOAT, shapes[l][1]));
        }
        return w;
    }

    /** The shape of each weight array, by name, in the order of {@link #initialWeights}. */
    Map<String, long[]> shapes() {
        Map<String, long[]> s = new LinkedHashMap<>();
        long[][] shapes = weightShapes();
        for (int l = 0; l < LAYERS.size(); l++) {
            s.put(LAYERS.get(l) + "_w", shapes[l]);
            s.put(LAYERS.get(l) + "_b", new long[] {shapes[l][1]});
        }
        return s;
    }

    private long[][] weightShapes() {
        return new long[][] {{(long) kernel * kernel, filters1}, {(long) kernel * kernel * filters1, filters2},
                {(long) pooledTwice(rows, kernel) * pooledTwice(cols, kernel) * filters2, dense}, {dense, classes}};
    }

    /** The weights as convolution blocks and a dense head (dense-ReLU, then the logits), for export. */
    ConvolutionalLayers layers(Map<String, INDArray> weights) {
        List<float[][]> convolutions = List.of(weights.get("conv1_w").toFloatMatrix(), weights.get("conv2_w").toFloatMatrix());
        List<float[]> biases = List.of(weights.get("conv1_b").toFloatVector(), weights.get("conv2_b").toFloatVector());
        DenseLayers head = new DenseLayers(List.of("flat", "dense", LOGITS),
                List.of(weights.get("dense_w").toFloatMatrix(), weights.get("out_w").toFloatMatrix()),
                List.of(weights.get("dense_b").toFloatVector(), weights.get("out_b").toFloatVector()), List.of("relu", "identity"));
        return new ConvolutionalLayers(rows, cols, kernel, convolutions, biases, head);
    }

    /** Length of a side after conv-pool-conv-pool. */
    private static int pooledTwice(int side, int kernel) {
        return convolvedSide(convolvedSide(side, kernel) / 2, kernel) / 2;
    }

    /** Length of a side after a valid convolution with a {@code kernel}-wide square kernel. */
    static int convolvedSide(int side, int kernel) {
        return side - kernel + 1;
    }

    /** Placeholders x [n, rows*cols] and y [n, classes] (one-hot); outputs "logits" and the mean cross-entropy "loss". */
    SameDiff build(Map<String, INDArray> weights) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, (long) rows * cols);
        SDVariable y = sd.placeHolder(Y, DataType.FLOAT, -1, classes);
        SDVariable h = sd.reshape(x, -1, rows, cols, 1);
        h = pool(convolution(sd, h, "conv1", rows, cols, 1, filters1, weights));
        int rows1 = convolvedSide(rows, kernel) / 2;
        int cols1 = convolvedSide(cols, kernel) / 2;
        h = pool(convolution(sd, h, "conv2", rows1, cols1, filters1, filters2, weights));
        int rows2 = convolvedSide(rows1, kernel) / 2;
        int cols2 = convolvedSide(cols1, kernel) / 2;
        h = sd.reshape(h, -1, (long) rows2 * cols2 * filters2);
        h = sd.nn.relu(linear(sd, h, "dense", weights), 0);
        SDVariable logits = sd.identity(LOGITS, linear(sd, h, "out", weights));
        sd.loss.softmaxCrossEntropy(LOSS, y, logits, null);
        sd.setLossVariables(LOSS);
        return sd;
    }

    /** The graph from {@code weights}, ready to fit: Adam, its rate falling linearly from {@code learningRate} to 0 by {@code steps}. */
    SameDiff training(Map<String, INDArray> weights, double learningRate, int steps) {
        SameDiff sd = build(weights);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(new LinearDecay(learningRate, steps)))
                .dataSetFeatureMapping(X).dataSetLabelMapping(Y).build());
        CvaeTraining.silently(sd::createGradFunction);
        return sd;
    }

    /** Copies of the graph's current weights, by name. */
    Map<String, INDArray> weights(SameDiff sd) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        shapes().keySet().forEach(name -> weights.put(name, sd.getVariable(name).getArr().dup()));
        return weights;
    }

    /** Valid convolution + ReLU of an NHWC map: k column shifts side by side, k row shifts of that, one GEMM. */
    private SDVariable convolution(SameDiff sd, SDVariable in, String layer, int inRows, int inCols, int channels, int filters,
                                   Map<String, INDArray> weights) {
        int outRows = convolvedSide(inRows, kernel);
        int outCols = convolvedSide(inCols, kernel);
        SDVariable[] columnShifts = new SDVariable[kernel];
        for (int dx = 0; dx < kernel; dx++) {
            columnShifts[dx] = in.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(dx, dx + outCols), SDIndex.all());
        }
        SDVariable wide = sd.concat(3, columnShifts);
        SDVariable[] rowShifts = new SDVariable[kernel];
        for (int dy = 0; dy < kernel; dy++) {
            rowShifts[dy] = wide.get(SDIndex.all(), SDIndex.interval(dy, dy + outRows), SDIndex.all(), SDIndex.all());
        }
        // patch element order: (dy, dx, channel), matching conv1_w/conv2_w rows
        SDVariable patches = sd.reshape(sd.concat(3, rowShifts), -1, (long) kernel * kernel * channels);
        return sd.reshape(sd.nn.relu(linear(sd, patches, layer, weights), 0), -1, outRows, outCols, filters);
    }

    private static SDVariable pool(SDVariable in) {
        return in.getSameDiff().cnn.maxPooling2d(in, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(true).build());
    }

    private static SDVariable linear(SameDiff sd, SDVariable in, String layer, Map<String, INDArray> weights) {
        SDVariable w = sd.var(layer + "_w", weights.get(layer + "_w").dup());
        SDVariable b = sd.var(layer + "_b", weights.get(layer + "_b").dup());
        return sd.nn.linear(in, w, b);
    }
}
