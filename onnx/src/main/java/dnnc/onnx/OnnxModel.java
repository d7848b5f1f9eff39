package dnnc.onnx;

import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.ModelTrainer;
import dnnc.api.NetworkProbe;
import dnnc.api.NetworkSummary;
import dnnc.api.OpenNetwork;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Preflight;
import dnnc.api.ProbedNetwork;
import dnnc.api.RunContext;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;
import dnnc.api.TensorSelection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network brought as an ONNX file, opened in ONNX Runtime and instrumented at its probed tensors; nothing is
 * trained. The data step's rows must have the shape of the network's input after its batch axis.
 */
@PluginInfo(name = "onnx", description = "a network from an ONNX file (PyTorch, Keras, JAX exports): probed, lesioned and intervened on in ONNX Runtime")
public final class OnnxModel implements ModelTrainer, Preflight {

    @Param(description = "the .onnx file")
    private String file = "";

    @Param(description = "the graph input dnnc feeds; empty when the network has one input")
    private String input = "";

    @Param(description = "tensors to probe: names or globs separated by ';' (empty: the outputs of activation functions, and the graph output)")
    private String tensors = "";

    @Param(description = "rows per ONNX Runtime call", min = 1, max = 1_000_000)
    private int batch = 1024;

    @Override
    public ProbedNetwork fit(LabeledData data, RunContext context) {
        OpenNetwork network = open();
        TensorInfo in = network.summary().inputs().get(0);
        long[] rowShape = FileNetworkProbe.rowShape(file, in);
        int width = data.heldOut().pixelsPerImage();
        if (Tensor.elementCount(rowShape) != width) {
            network.close();
            throw new InvalidInputException("data " + data.source() + " has rows of " + width + " values; input '" + in.name()
                    + "' of " + file + " takes " + Tensor.shapeText(in.shape()));
        }
        return new OpenedNetwork(FileNetworkProbe.open(network, batch), network.summary());
    }

    /** The network file opens and instruments, and the data step's rows fit its input, before the run is on record. */
    @Override
    public void preflight(Map<String, String> facts) {
        try (OpenNetwork network = open()) {
            TensorInfo in = network.summary().inputs().get(0);
            String shapeText = facts.get(Preflight.DATA_SHAPE);
            if (shapeText != null) {
                long[] shape = parseShape(shapeText);
                if (Boolean.parseBoolean(facts.get(Preflight.DATA_FLAT_ROWS))) {
                    long[] rowShape = FileNetworkProbe.rowShape(file, in);
                    long perRow = Tensor.elementCount(rowShape);
                    if (shape.length != 2 || shape[1] != perRow) {
                        throw new InvalidInputException("data " + facts.get(Preflight.DATA_FILE) + " of shape " + shapeText + " does not fit input '"
                                + in.name() + "' of " + file + ", shape " + Tensor.shapeText(in.shape()) + ": each line must hold " + perRow
                                + " values (the input's " + Tensor.shapeText(rowShape) + " after the batch axis, flattened in C order)");
                    }
                } else if (!in.fits(shape)) {
                    throw new InvalidInputException("data " + facts.get(Preflight.DATA_FILE) + " of shape " + shapeText + " does not fit input '"
                            + in.name() + "' of " + file + ", shape " + Tensor.shapeText(in.shape()) + " (rows first, then the input's shape)");
                }
            }
            String dtype = facts.get(Preflight.DATA_DTYPE);
            if (dtype != null && !dtype.startsWith("float")) {
                throw new InvalidInputException("data " + facts.get(Preflight.DATA_FILE) + " holds " + dtype + "; input '" + in.name()
                        + "' of " + file + " takes " + in.type());
            }
            FileNetworkProbe.rowShape(file, in);
        }
    }

    private OpenNetwork open() {
        if (file.isEmpty()) {
            throw new InvalidInputException("parameter 'file' of model plugin 'onnx' is empty; give file=MODEL.onnx");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("parameter 'file' of model plugin 'onnx': " + path + " does not exist; give an .onnx file");
        }
        List<String> chosen = tensors.isBlank() ? List.of() : Arrays.stream(tensors.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return OnnxNetwork.open(path, new TensorSelection(input.isEmpty() ? null : input, chosen));
    }

    private static long[] parseShape(String text) {
        return Arrays.stream(text.replaceAll("[() ]", "").split(",")).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    /** The opened network: its sha256 identifies it; its summary says what was analysed. */
    private record OpenedNetwork(NetworkProbe probe, NetworkSummary summary) implements ProbedNetwork {
        @Override
        public String sha256() {
            return summary.sha256();
        }

        @Override
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("parameters", summary.parameters());
            m.put("probed_tensors", summary.probed().size());
            return m;
        }
    }
}
