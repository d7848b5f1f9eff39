package dnnc.onnx;

import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dnnc.api.InvalidInputException;
import dnnc.api.NetworkSummary;
import dnnc.api.OpenNetwork;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;
import dnnc.api.TensorSelection;
import dnnc.api.UnitEdits;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An ONNX model in an ONNX Runtime session, instrumented by {@link GraphInstrumenter} at its probed tensors. */
final class OnnxNetwork implements OpenNetwork {
    /** The name the first graph output goes by in results and edits, whatever the model calls it. */
    static final String OUTPUT = "output";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final NetworkSummary summary;
    private final TensorInfo input;
    private final List<TensorInfo> probed;
    private final String firstOutput;

    private OnnxNetwork(OrtEnvironment env, OrtSession session, NetworkSummary summary) {
        this.env = env;
        this.session = session;
        this.summary = summary;
        this.input = summary.inputs().get(0);
        this.probed = summary.probed();
        this.firstOutput = summary.outputs().isEmpty() ? null : summary.outputs().get(0).name();
    }

    static OnnxNetwork open(Path file, TensorSelection selection) {
        OnnxModelFile model = OnnxModelFile.read(file);
        GraphTensors graph = new GraphTensors(model.model().getGraph());
        ValueInfoProto input = graph.chooseInput(file, selection.input());
        OrtEnvironment env = Sessions.environment();
        TensorSurvey.Result survey = TensorSurvey.run(model, env, input);
        List<TensorInfo> probed = TensorChoice.choose(file, survey.probeable(), survey.outputs(), selection.tensors());
        Map<String, Long> opsets = new TreeMap<>();
        for (OperatorSetIdProto o : model.model().getOpsetImportList()) {
            opsets.put(o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain(), o.getVersion());
        }
        NetworkSummary summary = new NetworkSummary(file.toString(), model.sha256(), "onnx", List.of(survey.input()),
                survey.probeable(), probed, survey.outputs(), opsets, graph.parameterCount(), graph.notInstrumentable());
        OrtSession session = Sessions.open(env, file, GraphInstrumenter.instrument(model.model(), probed).toByteArray());
        return new OnnxNetwork(env, session, summary);
    }

    @Override
    public NetworkSummary summary() {
        return summary;
    }

    @Override
    public Map<String, Tensor> run(Tensor inputs, UnitEdits edits, int batchSize) {
        requireFits(inputs);
        Map<String, float[][]> keepAndSet = keepAndSet(edits);
        int rows = inputs.rows();
        int rowSize = inputs.rowSize();
        long fixed = input.shape()[0];
        int chunk = fixed > 0 ? (int) fixed : Math.max(1, batchSize);
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new HashMap<>();
        List<OnnxTensor> unitInputs = new ArrayList<>();
        try {
            Map<String, OnnxTensor> feeds = new HashMap<>();
            for (TensorInfo t : probed) {
                long[] shape = GraphInstrumenter.unitShape(t);
                float[][] ks = keepAndSet.get(t.name());
                feeds.put(GraphInstrumenter.keepInput(t.name()), track(unitInputs, OnnxTensor.createTensor(env, FloatBuffer.wrap(ks[0]), shape)));
                feeds.put(GraphInstrumenter.setInput(t.name()), track(unitInputs, OnnxTensor.createTensor(env, FloatBuffer.wrap(ks[1]), shape)));
            }
            for (int start = 0; start < rows; start += chunk) {
                int n = Math.min(chunk, rows - start);
                long[] batchShape = inputs.shape();
                batchShape[0] = fixed > 0 ? fixed : n;
                float[] batch = Arrays.copyOfRange(inputs.values(), start * rowSize, start * rowSize + (int) batchShape[0] * rowSize);
                try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), batchShape)) {
                    feeds.put(input.name(), x);
                    try (OrtSession.Result result = session.run(feeds)) {
                        for (TensorInfo t : probed) {
                            OnnxTensor out = (OnnxTensor) result.get(t.name()).orElseThrow();
                            long[] shape = out.getInfo().getShape();
                            int perRow = Math.toIntExact(Tensor.elementCount(shape) / shape[0]);
                            float[] all = values.computeIfAbsent(t.name(), k -> new float[rows * perRow]);
                            shape[0] = rows;
                            shapes.put(t.name(), shape);
                            out.getFloatBuffer().get(all, start * perRow, n * perRow);
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + summary.file() + ": " + Sessions.firstLine(e.getMessage()), e);
        } finally {
            unitInputs.forEach(OnnxTensor::close);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (TensorInfo t : probed) {
            tensors.put(t.name().equals(firstOutput) ? OUTPUT : t.name(), new Tensor(shapes.get(t.name()), values.get(t.name())));
        }
        return tensors;
    }

    private static OnnxTensor track(List<OnnxTensor> open, OnnxTensor tensor) {
        open.add(tensor);
        return tensor;
    }

    private void requireFits(Tensor inputs) {
        if (!input.fits(inputs.shape())) {
            throw new InvalidInputException("inputs of shape " + Tensor.shapeText(inputs.shape()) + " do not fit input '" + input.name()
                    + "' of " + summary.file() + ", shape " + Tensor.shapeText(input.shape()));
        }
    }

    /** keep_T and set_T for every probed tensor: 1 and 0, then 0 where lesioned, 0 and v where set to v. */
    private Map<String, float[][]> keepAndSet(UnitEdits edits) {
        Map<String, float[][]> vectors = new HashMap<>();
        for (TensorInfo t : probed) {
            float[] keep = new float[t.units()];
            Arrays.fill(keep, 1f);
            vectors.put(t.name(), new float[][]{keep, new float[t.units()]});
        }
        edits.lesions().forEach((name, units) -> {
            TensorInfo t = probedTensor(name);
            for (int u : units) {
                vectors.get(t.name())[0][unitIndex(t, name, u)] = 0f;
            }
        });
        edits.values().forEach((name, byUnit) -> {
            TensorInfo t = probedTensor(name);
            byUnit.forEach((u, v) -> {
                float[][] ks = vectors.get(t.name());
                ks[0][unitIndex(t, name, u)] = 0f;
                ks[1][u] = v;
            });
        });
        return vectors;
    }

    private TensorInfo probedTensor(String name) {
        String actual = name.equals(OUTPUT) && firstOutput != null ? firstOutput : name;
        return probed.stream().filter(t -> t.name().equals(actual)).findFirst().orElseThrow(() -> new InvalidInputException(
                "no probed tensor '" + name + "' in " + summary.file() + "; the probed tensors closest to it: output, " + String.join(", ",
                        TensorChoice.closest(name, probed.stream().filter(t -> !t.name().equals(firstOutput)).toList()))
                        + (probed.size() > 4 ? ", ..." : "") + " (dnnc inspect lists every probe-able tensor; probe more with --tensors)"));
    }

    private static int unitIndex(TensorInfo t, String name, int unit) {
        if (unit < 0 || unit >= t.units()) {
            throw new InvalidInputException("unit " + unit + " of '" + name + "' is out of range: it has " + t.units()
                    + " units (0 to " + (t.units() - 1) + ")");
        }
        return unit;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session of " + summary.file(), e);
        }
    }
}
