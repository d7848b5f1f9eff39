package dnnc.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dnnc.api.ConvolutionalLayers;
import dnnc.api.DenseLayers;
import dnnc.api.InvalidInputException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * dnnc's own networks as ONNX models (opset 17) that Netron, PyTorch (onnx2torch) and ONNX Runtime open, and dnnc's
 * ONNX engine runs. Dense layers: per connection l a Gemm of the previous tensor with initializers {@code W_l}
 * [size_l, size_{l+1}] and {@code b_l}, then Relu, Sigmoid or Identity writing a tensor named as layer l+1. A
 * convolutional classifier: its flat input reshaped to (batch, 1, rows, cols), per block a Conv, Relu ({@code convB})
 * and MaxPool ({@code poolB}), the last map transposed to (row, column, channel) order and flattened, then its
 * dense head.
 */
final class OnnxWriter {
    private static final int OPSET = 17;

    private OnnxWriter() {
    }

    static ModelProto dense(DenseLayers net) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("dnnc-dense");
        graph.addInput(batchOf(net.names().get(0), net.weights().get(0).length));
        appendDense(graph, net);
        return model(graph);
    }

    static ModelProto convolutional(ConvolutionalLayers net) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("dnnc-convolutional");
        String input = "image";
        graph.addInput(batchOf(input, net.rows() * net.cols()));
        graph.addInitializer(int64s("image_shape", -1, 1, net.rows(), net.cols()));
        graph.addNode(node("Reshape", "image/nchw", "image_nchw", input, "image_shape"));
        String previous = "image_nchw";
        int k = net.kernel();
        int rows = net.rows();
        int cols = net.cols();
        int channels = 1;
        for (int b = 0; b < net.convolutions().size(); b++) {
            float[][] w = net.convolutions().get(b);
            int filters = w[0].length;
            String block = Integer.toString(b + 1);
            graph.addInitializer(floats("W_conv" + block, new long[] {filters, channels, k, k}, filtersFirst(w, channels, k)));
            graph.addInitializer(floats("b_conv" + block, new long[] {filters}, net.biases().get(b)));
            graph.addNode(node("Conv", "conv/" + block, "z_conv" + block, previous, "W_conv" + block, "b_conv" + block)
                    .addAttribute(ints("kernel_shape", k, k)));
            graph.addNode(node("Relu", "act/" + block, "conv" + block, "z_conv" + block));
            graph.addNode(node("MaxPool", "pool/" + block, "pool" + block, "conv" + block)
                    .addAttribute(ints("kernel_shape", 2, 2)).addAttribute(ints("strides", 2, 2)));
            previous = "pool" + block;
            rows = (rows - k + 1) / 2;
            cols = (cols - k + 1) / 2;
            channels = filters;
        }
        graph.addNode(node("Transpose", "flat/nhwc", "pool_nhwc", previous).addAttribute(ints("perm", 0, 2, 3, 1)));
        graph.addInitializer(int64s("flat_shape", -1, (long) rows * cols * channels));
        graph.addNode(node("Reshape", "flat/reshape", net.head().names().get(0), "pool_nhwc", "flat_shape"));
        appendDense(graph, net.head());
        return model(graph);
    }

    static void write(ModelProto model, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            Files.write(temporary, model.toByteArray());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    /** The dense layers after the tensor named {@code net.names().get(0)}; the last layer is the graph output. */
    private static void appendDense(GraphProto.Builder graph, DenseLayers net) {
        String previous = net.names().get(0);
        for (int l = 0; l < net.weights().size(); l++) {
            float[][] w = net.weights().get(l);
            String layer = net.names().get(l + 1);
            graph.addInitializer(floats("W_" + layer, new long[] {w.length, w[0].length}, rowMajor(w)));
            graph.addInitializer(floats("b_" + layer, new long[] {w[0].length}, net.biases().get(l)));
            graph.addNode(node("Gemm", "gemm/" + layer, "z_" + layer, previous, "W_" + layer, "b_" + layer));
            graph.addNode(node(op(net.activations().get(l)), "act/" + layer, layer, "z_" + layer));
            previous = layer;
        }
        int last = net.weights().size();
        graph.addOutput(batchOf(net.names().get(last), net.weights().get(last - 1)[0].length));
    }

    private static ModelProto model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("dnnc").setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).build();
    }

    private static NodeProto.Builder node(String op, String name, String output, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String in : inputs) {
            node.addInput(in);
        }
        return node;
    }

    private static String op(String activation) {
        return switch (activation) {
            case "relu" -> "Relu";
            case "sigmoid" -> "Sigmoid";
            case "identity" -> "Identity";
            default -> throw new IllegalArgumentException("no ONNX op for activation " + activation);
        };
    }

    private static float[] rowMajor(float[][] w) {
        float[] flat = new float[w.length * w[0].length];
        for (int i = 0; i < w.length; i++) {
            System.arraycopy(w[i], 0, flat, i * w[0].length, w[0].length);
        }
        return flat;
    }

    /** ONNX's Conv weights [filter][channel][dy][dx] from patch rows over (dy, dx, channel) and a column per filter. */
    private static float[] filtersFirst(float[][] w, int channels, int k) {
        int filters = w[0].length;
        float[] out = new float[filters * channels * k * k];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int dy = 0; dy < k; dy++) {
                    for (int dx = 0; dx < k; dx++) {
                        out[((f * channels + c) * k + dy) * k + dx] = w[(dy * k + dx) * channels + c][f];
                    }
                }
            }
        }
        return out;
    }

    private static TensorProto floats(String name, long[] shape, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array())).addAllDims(java.util.Arrays.stream(shape).boxed().toList()).build();
    }

    private static TensorProto int64s(String name, long... values) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length)
                .addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()).build();
    }

    private static AttributeProto ints(String name, long... values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
                .addAllInts(java.util.Arrays.stream(values).boxed().toList()).build();
    }

    /** A float tensor of shape (batch, size). */
    private static ValueInfoProto batchOf(String name, int size) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(size)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
