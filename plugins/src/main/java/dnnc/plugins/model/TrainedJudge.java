package dnnc.plugins.model;

import dnnc.api.ConvolutionalLayers;
import dnnc.api.ImageClassifier;
import dnnc.api.ImageSet;
import dnnc.plugins.support.VectorApi;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trained classifier ({@link JudgeGraph}) over flat row-major images in [0, 1]. It classifies with
 * {@link JudgeForward} when the vector API is present (metric "inference" = "simd") and with the SameDiff graph
 * otherwise ("samediff", or when {@code -Ddnnc.graphJudge=true}).
 */
final class TrainedJudge implements ImageClassifier {
    private static final int CHUNK = 1000;

    private final JudgeForward forward;
    private final SameDiff net;
    private final ConvolutionalLayers layers;
    private final int rows;
    private final int cols;
    private final String sha256;
    private final Map<String, Object> metrics;
    private final double heldOutAccuracy;

    /** Measures the accuracy on {@code heldOut} once; it is reported as metric "test_accuracy". */
    TrainedJudge(JudgeGraph graph, Map<String, INDArray> weights, String sha256, Map<String, Object> metrics, ImageSet heldOut) {
        this(graph, weights, VectorApi.usable("dnnc.graphJudge"), sha256, metrics, heldOut);
    }

    /** {@code heldOut} may be null (accuracy NaN): benchmarks time untrained judges. */
    TrainedJudge(JudgeGraph graph, Map<String, INDArray> weights, boolean simd, String sha256, Map<String, Object> metrics, ImageSet heldOut) {
        this.forward = simd ? new JudgeForward(graph, weights) : null;
        this.net = simd ? null : graph.build(weights);
        this.layers = graph.layers(weights);
        this.rows = graph.rows();
        this.cols = graph.cols();
        this.sha256 = sha256;
        this.heldOutAccuracy = heldOut == null ? Double.NaN : accuracy(heldOut);
        Map<String, Object> all = new LinkedHashMap<>(metrics);
        all.put("inference", simd ? "simd" : "samediff");
        all.put("test_accuracy", heldOutAccuracy);
        this.metrics = Collections.unmodifiableMap(all);
    }

    @Override
    public int[] classify(float[] images, int count) {
        int pixels = rows * cols;
        if (images.length != (long) count * pixels) {
            throw new IllegalArgumentException("expected " + count + " x " + pixels + " pixels, got " + images.length);
        }
        return forward != null ? forward.classify(images, count) : classifyOnGraph(images, count, pixels);
    }

    /** SameDiff sessions are not thread-safe. */
    private synchronized int[] classifyOnGraph(float[] images, int count, int pixels) {
        int[] classes = new int[count];
        for (int from = 0; from < count; from += CHUNK) {
            int size = Math.min(CHUNK, count - from);
            float[] chunk = new float[size * pixels];
            System.arraycopy(images, from * pixels, chunk, 0, chunk.length);
            INDArray logits = net.output(Map.of(JudgeGraph.X, Nd4j.create(chunk, new long[] {size, pixels}, 'c')), JudgeGraph.LOGITS)
                    .get(JudgeGraph.LOGITS);
            INDArray predicted = logits.argMax(1);
            for (int i = 0; i < size; i++) {
                classes[from + i] = predicted.getInt(i);
            }
        }
        return classes;
    }

    private double accuracy(ImageSet images) {
        int[] predicted = classify(images.pixels(), images.count());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == images.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / images.count();
    }

    @Override
    public Optional<ConvolutionalLayers> layers() {
        return Optional.of(layers);
    }

    @Override
    public double heldOutAccuracy() {
        return heldOutAccuracy;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public Map<String, Object> metrics() {
        return metrics;
    }
}
