package dnnc.plugins.model;

import dnnc.api.ConditionalGenerator;
import dnnc.api.InputSchema;
import dnnc.api.NetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A trained cVAE: its decoder as a {@link DenseNetworkProbe} (sigmoid outputs) and its held-out numbers. */
public final class TrainedCvae implements ConditionalGenerator {
    private final CvaeShape shape;
    private final Map<String, INDArray> weights;
    private final NetworkProbe decoder;
    private final InputSchema inputs;
    private final int rows;
    private final int cols;
    private final double[] klPerLatent;
    private final String sha256;
    private final Map<String, Object> metrics;

    TrainedCvae(CvaeShape shape, Map<String, INDArray> weights, InputSchema inputs, int rows, int cols,
                double[] klPerLatent, String sha256, Map<String, Object> metrics) {
        this(shape, weights, decoderProbe(shape, weights), inputs, rows, cols, klPerLatent, sha256, metrics);
    }

    private TrainedCvae(CvaeShape shape, Map<String, INDArray> weights, NetworkProbe decoder, InputSchema inputs, int rows, int cols,
                        double[] klPerLatent, String sha256, Map<String, Object> metrics) {
        this.shape = shape;
        this.weights = Collections.unmodifiableMap(weights);
        this.decoder = decoder;
        this.inputs = inputs;
        this.rows = rows;
        this.cols = cols;
        this.klPerLatent = klPerLatent.clone();
        this.sha256 = sha256;
        this.metrics = Collections.unmodifiableMap(metrics);
    }

    static DenseNetworkProbe decoderProbe(CvaeShape shape, Map<String, INDArray> weights) {
        List<String> names = shape.decoderLayerNames();
        List<float[][]> w = new ArrayList<>();
        List<float[]> b = new ArrayList<>();
        List<DenseNetworkProbe.Activation> activations = new ArrayList<>();
        for (int l = 1; l < names.size(); l++) {
            w.add(weights.get(names.get(l) + "_w").toFloatMatrix());
            b.add(weights.get(names.get(l) + "_b").toFloatVector());
            activations.add(l == names.size() - 1 ? DenseNetworkProbe.Activation.SIGMOID : DenseNetworkProbe.Activation.RELU);
        }
        return new DenseNetworkProbe(names, w, b, activations);
    }

    /** The same model with its decoder run by another engine (the same weights, e.g. in ONNX Runtime). */
    TrainedCvae withDecoder(NetworkProbe other, Map<String, Object> moreMetrics) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(metrics);
        m.putAll(moreMetrics);
        return new TrainedCvae(shape, weights, other, inputs, rows, cols, klPerLatent, sha256, m);
    }

    @Override
    public java.util.Optional<dnnc.api.DenseLayers> decoderLayers() {
        return decoderProbe(shape, weights).denseLayers();
    }

    @Override
    public NetworkProbe decoder() {
        return decoder;
    }

    @Override
    public InputSchema inputs() {
        return inputs;
    }

    @Override
    public int imageRows() {
        return rows;
    }

    @Override
    public int imageCols() {
        return cols;
    }

    @Override
    public double[] klPerLatent() {
        return klPerLatent.clone();
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public Map<String, Object> metrics() {
        return metrics;
    }

    public CvaeShape shape() {
        return shape;
    }

    /** The trained weights by name ("dec1_w", ...), as in the SameDiff graphs. */
    public Map<String, INDArray> weights() {
        return weights;
    }
}
