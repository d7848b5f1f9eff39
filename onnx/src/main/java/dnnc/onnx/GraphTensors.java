package dnnc.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dnnc.api.InvalidInputException;
import dnnc.api.TensorInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only facts about an ONNX graph's tensors: which inputs are fed, who computes what, what depends on the input. */
final class GraphTensors {
    private final GraphProto graph;
    private final Set<String> initializers = new HashSet<>();

    GraphTensors(GraphProto graph) {
        this.graph = graph;
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
    }

    /** Graph inputs that are not initializers (old exporters list weights as inputs too). */
    List<ValueInfoProto> fedInputs() {
        return graph.getInputList().stream().filter(v -> !initializers.contains(v.getName())).toList();
    }

    /** The input dnnc feeds: the only one, or the one named; anything else is one line naming the file. */
    ValueInfoProto chooseInput(Path file, String name) {
        List<ValueInfoProto> inputs = fedInputs();
        List<String> names = inputs.stream().map(ValueInfoProto::getName).toList();
        if (name == null || name.isEmpty()) {
            if (inputs.size() != 1) {
                throw new InvalidInputException(file + ": the model has " + inputs.size() + " inputs (" + String.join(", ", names)
                        + "); choose the one dnnc feeds with input=NAME");
            }
            return inputs.get(0);
        }
        ValueInfoProto chosen = inputs.stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow(() ->
                new InvalidInputException(file + ": no input '" + name + "'; the model's inputs: " + String.join(", ", names)));
        if (inputs.size() > 1) {
            throw new InvalidInputException(file + ": dnnc feeds one input ('" + name + "') and the model also needs "
                    + names.stream().filter(n -> !n.equals(name)).toList() + " (inputs without a default value)");
        }
        return chosen;
    }

    /** Tensor name to the node that computes it, in the graph's (topological) order. */
    Map<String, NodeProto> producers() {
        Map<String, NodeProto> producers = new LinkedHashMap<>();
        for (NodeProto node : graph.getNodeList()) {
            for (String out : node.getOutputList()) {
                if (!out.isEmpty()) {
                    producers.put(out, node);
                }
            }
        }
        return producers;
    }

    /** Tensors computed from {@code input} (directly or through other tensors), so they have its batch axis. */
    Set<String> dependingOn(String input) {
        Set<String> reached = new HashSet<>(Set.of(input));
        for (NodeProto node : graph.getNodeList()) {
            if (node.getInputList().stream().anyMatch(reached::contains) || readsOuterScope(node, reached)) {
                reached.addAll(node.getOutputList());
            }
        }
        return reached;
    }

    private static boolean readsOuterScope(NodeProto node, Set<String> reached) {
        for (AttributeProto a : node.getAttributeList()) {
            for (GraphProto sub : subgraphs(a)) {
                for (NodeProto inner : sub.getNodeList()) {
                    if (inner.getInputList().stream().anyMatch(reached::contains) || readsOuterScope(inner, reached)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<GraphProto> subgraphs(AttributeProto a) {
        List<GraphProto> graphs = new ArrayList<>(a.getGraphsList());
        if (a.hasG()) {
            graphs.add(a.getG());
        }
        return graphs;
    }

    /** Ops with subgraphs (If, Loop, Scan, ...): their outputs can be probed, the tensors inside them cannot. */
    List<String> notInstrumentable() {
        List<String> notes = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if (node.getAttributeList().stream().anyMatch(a -> !subgraphs(a).isEmpty())) {
                notes.add(node.getOpType() + " '" + node.getName() + "': the tensors inside its subgraphs cannot be probed (its outputs can)");
            }
        }
        return notes;
    }

    /** Trained numbers: elements of every floating-point initializer. */
    long parameterCount() {
        long count = 0;
        for (TensorProto t : graph.getInitializerList()) {
            int type = t.getDataType();
            if (type == TensorProto.DataType.FLOAT_VALUE || type == TensorProto.DataType.DOUBLE_VALUE
                    || type == TensorProto.DataType.FLOAT16_VALUE || type == TensorProto.DataType.BFLOAT16_VALUE) {
                count += t.getDimsList().stream().mapToLong(Long::longValue).reduce(1L, Math::multiplyExact);
            }
        }
        return count;
    }

    /** A declared graph input or output as dnnc describes it: unknown or symbolic axes are -1. */
    static TensorInfo describe(ValueInfoProto v, String op) {
        TensorShapeProto shape = v.getType().getTensorType().getShape();
        long[] dims = shape.getDimList().stream().mapToLong(d -> d.hasDimValue() ? d.getDimValue() : -1).toArray();
        return new TensorInfo(v.getName(), op, dims, typeName(v.getType().getTensorType().getElemType()), TensorInfo.unitsOf(dims));
    }

    static String typeName(int elemType) {
        TensorProto.DataType type = TensorProto.DataType.forNumber(elemType);
        return type == null ? "type " + elemType : type.name().toLowerCase();
    }
}
