package dnnc.plugins.model;

import dnnc.api.DenseLayers;
import dnnc.api.NetworkFormat;
import dnnc.api.NetworkProbe;
import dnnc.api.TensorSelection;
import dnnc.plugins.support.NetworkFormats;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The trained decoder in ONNX Runtime: its weights written as an ONNX file (beside the cached model) and opened by
 * the ONNX engine, probed at every layer's activation, so its layers are the built-in decoder's, in the same order.
 */
final class OnnxDecoder {
    /** Rows per ONNX Runtime call. */
    private static final int BATCH = 4096;

    private OnnxDecoder() {
    }

    static TrainedCvae of(TrainedCvae model, Path file) {
        DenseLayers layers = model.decoderLayers().orElseThrow();
        NetworkFormat onnx = NetworkFormats.named("onnx");
        onnx.writeDense(layers, file);
        List<String> probed = layers.names().subList(1, layers.names().size());
        NetworkProbe decoder = onnx.openProbe(file, new TensorSelection(null, probed), BATCH);
        return model.withDecoder(decoder, Map.of("engine", "onnx", "decoder_onnx", file.toString()));
    }
}
