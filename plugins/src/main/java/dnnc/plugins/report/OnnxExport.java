package dnnc.plugins.report;

import dnnc.api.ConditionalGenerator;
import dnnc.api.ConvolutionalLayers;
import dnnc.api.DenseLayers;
import dnnc.api.ImageClassifier;
import dnnc.api.InvalidInputException;
import dnnc.api.NetworkFormat;
import dnnc.api.PluginInfo;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.io.Sha256;
import dnnc.plugins.support.NetworkFormats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the trained decoder as {@code decoder.onnx} in the run folder (Gemm and Relu/Sigmoid nodes, each layer's
 * output named as the layer) and, when the run trained one, the judge as {@code judge.onnx} (Conv, Relu and MaxPool
 * blocks, then Gemm layers; input {@code image}: flat row-major pixels in [0, 1], output {@code logits}), so
 * Netron, PyTorch or any ONNX runtime opens the study's own networks, and {@code dnnc activations} and
 * {@code workflows/network.yaml} analyse them like any network brought as a file. Records {@code export.decoder},
 * {@code export.judge} (files) and their {@code _sha256}.
 */
@PluginInfo(name = "export-onnx", description = "the trained decoder as decoder.onnx and the judge as judge.onnx in the run folder (open in Netron, PyTorch, ONNX Runtime)")
public final class OnnxExport implements Reporter {
    static final String DECODER = "decoder.onnx";
    static final String JUDGE = "judge.onnx";

    @Override
    public void report(RunContext context) {
        ConditionalGenerator model = context.require(Slots.MODEL, "report step 'export-onnx'");
        DenseLayers decoder = model.decoderLayers().orElseThrow(() -> new InvalidInputException(
                "report step 'export-onnx' writes dense decoders; this model's decoder is not one"));
        NetworkFormat onnx = NetworkFormats.named("onnx");
        Path decoderFile = context.outputDir().resolve(DECODER);
        onnx.writeDense(decoder, decoderFile);
        recordExport(context, "decoder", decoderFile, "the trained decoder as ONNX (input " + decoder.names().get(0) + ", output "
                + decoder.names().get(decoder.names().size() - 1) + ")");
        ImageClassifier judge = context.get(Slots.JUDGE).orElse(null);
        if (judge != null) {
            ConvolutionalLayers layers = judge.layers().orElseThrow(() -> new InvalidInputException(
                    "report step 'export-onnx' writes convolutional judges; this run's judge is not one"));
            Path judgeFile = context.outputDir().resolve(JUDGE);
            onnx.writeConvolutional(layers, judgeFile);
            recordExport(context, "judge", judgeFile, "the trained judge as ONNX (input image: " + layers.rows() + " x " + layers.cols()
                    + " pixels in [0, 1], flat; output logits)");
        }
    }

    private static void recordExport(RunContext context, String network, Path file, String description) {
        context.recorder().artifact(file, description);
        context.recorder().result("export." + network, file.getFileName().toString());
        try {
            context.recorder().result("export." + network + "_sha256", Sha256.hex(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
