package dnnc.onnx;

import dnnc.api.ConvolutionalLayers;
import dnnc.api.DenseLayers;
import dnnc.api.NetworkFormat;
import dnnc.api.NetworkProbe;
import dnnc.api.OpenNetwork;
import dnnc.api.TensorSelection;

import java.nio.file.Path;

/** ONNX files ({@code .onnx}), run by ONNX Runtime. */
public final class OnnxFormat implements NetworkFormat {
    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public boolean reads(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
    }

    @Override
    public OpenNetwork open(Path file, TensorSelection selection) {
        return OnnxNetwork.open(file, selection);
    }

    @Override
    public NetworkProbe openProbe(Path file, TensorSelection selection, int batchSize) {
        return FileNetworkProbe.open(OnnxNetwork.open(file, selection), batchSize, FileNetworkProbe.DEFAULT_GRADIENT_INPUTS);
    }

    @Override
    public void writeDense(DenseLayers network, Path file) {
        OnnxWriter.write(OnnxWriter.dense(network), file);
    }

    @Override
    public void writeConvolutional(ConvolutionalLayers network, Path file) {
        OnnxWriter.write(OnnxWriter.convolutional(network), file);
    }
}
