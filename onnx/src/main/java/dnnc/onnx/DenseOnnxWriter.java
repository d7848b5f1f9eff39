package dnnc.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dnnc.api.DenseLayers;
import dnnc.api.InvalidInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Dense layers as an ONNX model (opset 17): per connection l a Gemm of the previous tensor with initializers
 * {@code W_l} [size_l, size_{l+1}] and {@code b_l}, then Relu, Sigmoid or Identity writing a tensor named as layer
 * l+1; the input is {@code names[0]} of shape (batch, size_0), the last layer is the graph output. Netron and
 * PyTorch (onnx2torch) open it; dnnc's ONNX engine runs it.
 */
final class DenseOnnxWriter {
    private DenseOnnxWriter() {
    }

    static ModelProto model(DenseLayers net) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("dnnc-dense");
        graph.addInput(valueInfo(net.names().get(0), net.weights().get(0).length));
        String previous = net.names().get(0);
        for (int l = 0; l < net.weights().size(); l++) {
            float[][] w = net.weights().get(l);
            int in = w.length;
            int out = w[0].length;
            String layer = net.names().get(l + 1);
            graph.addInitializer(tensor("W_" + layer, new long[] {in, out}, flatten(w)));
            graph.addInitializer(tensor("b_" + layer, new long[] {out}, net.biases().get(l)));
            graph.addNode(NodeProto.newBuilder().setOpType("Gemm").setName("gemm/" + layer).addInput(previous)
                    .addInput("W_" + layer).addInput("b_" + layer).addOutput("z_" + layer));
            graph.addNode(NodeProto.newBuilder().setOpType(op(net.activations().get(l))).setName("act/" + layer)
                    .addInput("z_" + layer).addOutput(layer));
            previous = layer;
        }
        int last = net.weights().size();
        graph.addOutput(valueInfo(net.names().get(last), net.weights().get(last - 1)[0].length));
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("dnnc").setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17)).build();
    }

    static void write(DenseLayers net, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            Files.write(temporary, model(net).toByteArray());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private static String op(String activation) {
        return switch (activation) {
            case "relu" -> "Relu";
            case "sigmoid" -> "Sigmoid";
            case "identity" -> "Identity";
            default -> throw new IllegalArgumentException("no ONNX op for activation " + activation);
        };
    }

    private static float[] flatten(float[][] w) {
        float[] flat = new float[w.length * w[0].length];
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, flat, i * w[0].length, w[0].length);
        }
        return flat;
    }

    private static TensorProto tensor(String name, long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(com.google.protobuf.ByteString.copyFrom(bytes.array()));
        for (long d : shape) {
            t.addDims(d);
        }
        return t.build();
    }

    private static ValueInfoProto valueInfo(String name, int size) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(size)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
