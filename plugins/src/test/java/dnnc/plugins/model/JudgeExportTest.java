package dnnc.plugins.model;

import dnnc.api.ConvolutionalLayers;
import dnnc.api.NetworkFormat;
import dnnc.api.OpenNetwork;
import dnnc.api.Tensor;
import dnnc.api.TensorSelection;
import dnnc.api.UnitEdits;
import dnnc.plugins.support.NetworkFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The judge written as ONNX computes the built-in judge's logits in ONNX Runtime: a non-square image and odd map
 * sides (pooling drops a row) catch a transposed kernel, a channel order or a flattening order that differs.
 */
class JudgeExportTest {
    @TempDir
    Path dir;

    @Test
    void theExportedJudgeGivesTheBuiltInLogits() {
        JudgeGraph graph = new JudgeGraph(13, 16, 3, 4, 5, 7, 3);
        Map<String, INDArray> weights = graph.initialWeights(new Random(5));
        Random random = new Random(6);
        weights.replaceAll((name, w) -> name.endsWith("_b") ? w.addi(Batches.gaussian(random, 1, (int) w.length()).reshape(w.shape()).muli(0.1)) : w);
        int images = 37;
        float[] pixels = new float[images * 13 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        float[] builtin = new JudgeForward(graph, weights).logits(pixels, images);

        ConvolutionalLayers layers = graph.layers(weights);
        Path file = dir.resolve("judge.onnx");
        NetworkFormat onnx = NetworkFormats.named("onnx");
        onnx.writeConvolutional(layers, file);
        try (OpenNetwork judge = onnx.open(file, TensorSelection.defaults())) {
            assertEquals(List.of("conv1", "conv2", "dense", "logits"), judge.summary().probed().stream().map(t -> t.name()).toList(),
                    "each block's ReLU, the dense ReLU and the logits are probed, named as the layers");
            Tensor logits = judge.run(new Tensor(new long[] {images, 13 * 16}, pixels), UnitEdits.none(), 10).get("output");
            assertEquals(images * 3, logits.values().length);
            double worst = 0;
            for (int i = 0; i < builtin.length; i++) {
                worst = Math.max(worst, Math.abs(builtin[i] - logits.values()[i]));
            }
            assertTrue(worst < 1e-5, "logits within float rounding; worst " + worst);
        }
    }
}
