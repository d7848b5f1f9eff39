package dnnc.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.api.OpenNetwork;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;
import dnnc.api.TensorSelection;
import dnnc.api.UnitEdits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every probed tensor and the output, intact, lesioned and intervened on, against PyTorch's own forward pass with
 * hooks (fixtures/make_fixtures.py): dense layers, conv + batch norm + pooling + flatten, tanh / sigmoid / leaky
 * ReLU, and a skip connection.
 */
class PyTorchReferenceTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv", "squashing", "skip"})
    void activationsLesionsAndInterventionsEqualPyTorch(String model) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(FIXTURES.resolve(model + "_cases.json").toFile());
        Tensor input = Tensor.readNpy(FIXTURES.resolve(manifest.get("input").asText()));
        try (OpenNetwork network = new OnnxFormat().open(FIXTURES.resolve(manifest.get("model").asText()), TensorSelection.defaults())) {
            List<String> expectedProbes = new ArrayList<>();
            manifest.get("tensors").forEach(t -> expectedProbes.add(t.asText()));
            expectedProbes.add("y");
            assertEquals(expectedProbes, network.summary().probed().stream().map(TensorInfo::name).toList(),
                    "the default probes are the activation functions' outputs and the graph output");
            Map<String, Tensor> intact = null;
            for (JsonNode c : manifest.get("cases")) {
                Map<String, Tensor> ours = network.run(input, edits(c), 5);
                int compared = 0;
                for (Iterator<Map.Entry<String, JsonNode>> files = c.get("files").fields(); files.hasNext(); compared++) {
                    Map.Entry<String, JsonNode> file = files.next();
                    Tensor theirs = Tensor.readNpy(FIXTURES.resolve(file.getValue().asText()));
                    Tensor mine = ours.get(file.getKey());
                    String what = model + " " + c.get("name").asText() + " " + file.getKey();
                    assertArrayEquals(theirs.shape(), mine.shape(), what + ": shape");
                    assertTrue(maxAbsDifference(theirs, mine) < TOLERANCE, what + ": max |dnnc - PyTorch| = " + maxAbsDifference(theirs, mine));
                }
                assertEquals(ours.size(), compared, model + ": every probed tensor has a reference");
                if (intact == null) {
                    intact = ours;
                } else {
                    assertTrue(maxAbsDifference(intact.get("output"), ours.get("output")) > 1e-3,
                            model + " " + c.get("name").asText() + ": the edits change the output");
                }
            }
        }
    }

    static UnitEdits edits(JsonNode c) {
        Map<String, int[]> lesions = new HashMap<>();
        c.get("lesion").fields().forEachRemaining(e -> {
            int[] units = new int[e.getValue().size()];
            for (int i = 0; i < units.length; i++) {
                units[i] = e.getValue().get(i).asInt();
            }
            lesions.put(e.getKey(), units);
        });
        Map<String, Map<Integer, Float>> values = new HashMap<>();
        c.get("set").fields().forEachRemaining(e -> {
            Map<Integer, Float> byUnit = new HashMap<>();
            e.getValue().fields().forEachRemaining(u -> byUnit.put(Integer.parseInt(u.getKey()), (float) u.getValue().asDouble()));
            values.put(e.getKey(), byUnit);
        });
        return new UnitEdits(lesions, values);
    }

    static double maxAbsDifference(Tensor a, Tensor b) {
        double max = 0;
        for (int i = 0; i < a.values().length; i++) {
            max = Math.max(max, Math.abs(a.values()[i] - b.values()[i]));
        }
        return max;
    }
}
