package dnnc.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dnnc.api.InvalidInputException;
import dnnc.api.TensorInfo;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the tensors dnnc can probe and their shapes by running the model once on {@link #ROWS} rows of zeros with
 * every node output made a graph output (ONNX Runtime returns graph outputs only, and models seldom carry shapes
 * for their inner tensors). Probe-able: float32, computed from the input, batch axis first, rank 2 or more.
 */
final class TensorSurvey {
    /** Rows of the survey run; a tensor whose axis 0 has this length and that depends on the input is batched. */
    static final int ROWS = 2;

    private TensorSurvey() {
    }

    record Result(TensorInfo input, List<TensorInfo> probeable, List<TensorInfo> outputs) {
    }

    static Result run(OnnxModelFile file, OrtEnvironment env, ValueInfoProto input) {
        GraphProto graph = file.model().getGraph();
        GraphTensors tensors = new GraphTensors(graph);
        TensorInfo inputInfo = GraphTensors.describe(input, "");
        if (!inputInfo.type().equals("float")) {
            throw new InvalidInputException(file.path() + ": input '" + input.getName() + "' is " + inputInfo.type()
                    + "; dnnc feeds float32 inputs only");
        }
        Map<String, NodeProto> producers = tensors.producers();
        Set<String> batched = tensors.dependingOn(input.getName());
        Set<String> declaredOutputs = new java.util.HashSet<>();
        graph.getOutputList().forEach(o -> declaredOutputs.add(o.getName()));
        GraphProto.Builder surveyed = graph.toBuilder();
        for (String name : producers.keySet()) {
            if (!declaredOutputs.contains(name)) {
                surveyed.addOutput(ValueInfoProto.newBuilder().setName(name));
            }
        }
        ModelProto model = file.model().toBuilder().setGraph(surveyed).build();
        long[] shape = inputInfo.shape();
        int rows = shape.length > 0 && shape[0] > 0 ? (int) shape[0] : ROWS;
        long[] fed = shape.clone();
        for (int i = 0; i < fed.length; i++) {
            fed[i] = i == 0 ? rows : Math.max(fed[i], 1);
        }
        List<TensorInfo> probeable = new ArrayList<>();
        List<TensorInfo> outputs = new ArrayList<>();
        try (OrtSession session = Sessions.open(env, file.path(), model.toByteArray());
             OnnxTensor zeros = OnnxTensor.createTensor(env, FloatBuffer.allocate(Math.toIntExact(Arrays.stream(fed).reduce(1, Math::multiplyExact))), fed);
             OrtSession.Result result = session.run(Map.of(input.getName(), zeros))) {
            for (Map.Entry<String, OnnxValue> e : result) {
                String name = e.getKey();
                TensorInfo info = batchedFloat(name, producers.get(name), e.getValue(), rows, batched);
                if (declaredOutputs.contains(name)) {
                    outputs.add(info != null ? info : GraphTensors.describe(declared(graph, name), opOf(producers.get(name))));
                } else if (info != null) {
                    probeable.add(info);
                }
            }
        } catch (OrtException e) {
            throw new InvalidInputException(file.path() + ": ONNX Runtime could not run the model on zeros of shape "
                    + dnnc.api.Tensor.shapeText(fed) + " (" + Sessions.firstLine(e.getMessage()) + ")", e);
        }
        return new Result(inputInfo, probeable, outputs);
    }

    private static TensorInfo batchedFloat(String name, NodeProto producer, OnnxValue value, int rows, Set<String> batched) {
        if (!(value instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT || !batched.contains(name)) {
            return null;
        }
        long[] shape = t.getInfo().getShape();
        if (shape.length < 2 || shape[0] != rows) {
            return null;
        }
        shape[0] = -1;
        return new TensorInfo(name, opOf(producer), shape, "float", TensorInfo.unitsOf(shape));
    }

    private static String opOf(NodeProto producer) {
        return producer == null ? "" : producer.getOpType();
    }

    private static ValueInfoProto declared(GraphProto graph, String output) {
        return graph.getOutputList().stream().filter(o -> o.getName().equals(output)).findFirst().orElseThrow();
    }
}
