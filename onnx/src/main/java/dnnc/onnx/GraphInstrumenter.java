package dnnc.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dnnc.api.TensorInfo;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a graph so every probed tensor T can be read, lesioned and intervened on without rebuilding the graph:
 * the node computing T now writes T_raw, and two inserted nodes compute {@code T = T_raw * keep_T + set_T} under T's
 * own name, so T's consumers (and T as a graph output) see the edited tensor unchanged in name. {@code keep_T} and
 * {@code set_T} are new graph inputs with one value per unit, shaped to broadcast over the batch and any spatial
 * axes: (units) for a (batch, units) tensor, (units, 1, ..., 1) for (batch, channels, ...). The intact network
 * is keep = 1, set = 0; a lesion is keep = 0; do(unit = v) is keep = 0, set = v. T is then made a graph output.
 */
final class GraphInstrumenter {
    private static final String PREFIX = "dnnc_";

    private GraphInstrumenter() {
    }

    static String keepInput(String tensor) {
        return PREFIX + "keep:" + tensor;
    }

    static String setInput(String tensor) {
        return PREFIX + "set:" + tensor;
    }

    static ModelProto instrument(ModelProto model, List<TensorInfo> probed) {
        GraphProto graph = model.getGraph();
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        probed.forEach(t -> byName.put(t.name(), t));
        Set<String> outputs = new HashSet<>();
        graph.getOutputList().forEach(o -> outputs.add(o.getName()));
        GraphProto.Builder edited = graph.toBuilder().clearNode();
        for (NodeProto node : graph.getNodeList()) {
            NodeProto.Builder renamed = node.toBuilder();
            for (int i = 0; i < node.getOutputCount(); i++) {
                if (byName.containsKey(node.getOutput(i))) {
                    renamed.setOutput(i, raw(node.getOutput(i)));
                }
            }
            edited.addNode(renamed);
            for (String out : node.getOutputList()) {
                TensorInfo tensor = byName.get(out);
                if (tensor != null) {
                    edited.addNode(NodeProto.newBuilder().setOpType("Mul").setName(PREFIX + "keep/" + out)
                            .addInput(raw(out)).addInput(keepInput(out)).addOutput(PREFIX + "kept:" + out));
                    edited.addNode(NodeProto.newBuilder().setOpType("Add").setName(PREFIX + "set/" + out)
                            .addInput(PREFIX + "kept:" + out).addInput(setInput(out)).addOutput(out));
                    edited.addInput(unitVector(keepInput(out), tensor));
                    edited.addInput(unitVector(setInput(out), tensor));
                    if (!outputs.contains(out)) {
                        edited.addOutput(ValueInfoProto.newBuilder().setName(out));
                    }
                }
            }
        }
        return model.toBuilder().setGraph(edited).build();
    }

    private static String raw(String tensor) {
        return PREFIX + "raw:" + tensor;
    }

    /** The shape of keep_T and set_T: one value per unit, broadcasting over the batch and spatial axes. */
    static long[] unitShape(TensorInfo tensor) {
        long[] shape = new long[Math.max(1, tensor.shape().length - 1)];
        java.util.Arrays.fill(shape, 1);
        shape[0] = tensor.units();
        return shape;
    }

    private static ValueInfoProto unitVector(String name, TensorInfo tensor) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : unitShape(tensor)) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
