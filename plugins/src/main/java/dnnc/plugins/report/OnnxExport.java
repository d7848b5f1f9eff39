package dnnc.plugins.report;

import dnnc.api.ConditionalGenerator;
import dnnc.api.DenseLayers;
import dnnc.api.InvalidInputException;
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
 * output named as the layer), so Netron, PyTorch or any ONNX runtime opens the study's own network, and
 * {@code dnnc activations} and {@code workflows/network.yaml} analyse it like any network brought as a file.
 * Records {@code export.decoder} (file) and {@code export.decoder_sha256}.
 */
@PluginInfo(name = "export-onnx", description = "the trained decoder as decoder.onnx in the run folder (opens in Netron, PyTorch, ONNX Runtime)")
public final class OnnxExport implements Reporter {
    static final String FILE = "decoder.onnx";

    @Override
    public void report(RunContext context) {
        ConditionalGenerator model = context.require(Slots.MODEL, "report step 'export-onnx'");
        DenseLayers layers = model.decoderLayers().orElseThrow(() -> new InvalidInputException(
                "report step 'export-onnx' writes dense decoders; this model's decoder is not one"));
        Path file = context.outputDir().resolve(FILE);
        NetworkFormats.named("onnx").writeDense(layers, file);
        context.recorder().artifact(file, "the trained decoder as ONNX (input " + layers.names().get(0) + ", output "
                + layers.names().get(layers.names().size() - 1) + ")");
        context.recorder().result("export.decoder", FILE);
        try {
            context.recorder().result("export.decoder_sha256", Sha256.hex(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
