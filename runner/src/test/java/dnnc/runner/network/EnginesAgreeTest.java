package dnnc.runner.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.api.Tensor;
import dnnc.io.Npy;
import dnnc.runner.reliability.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study's decoder in ONNX Runtime (cbeta-vae engine=onnx: the trained weights exported to ONNX and run by the
 * ONNX engine) gives the built-in engine's numbers: the same ACE arrays within float tolerance, the same clusters and
 * lesion findings; and the exported decoder.onnx computes the built-in decoder's reconstructions.
 */
class EnginesAgreeTest {
    @TempDir
    Path dir;

    private Path run(String engine) throws IOException {
        Path workflow = Path.of(getClass().getResource("/workflows/engines.yaml").getPath());
        Cli cli = Cli.dnnc("run", workflow.toString(), "engine=" + engine, "--runs", dir.resolve(engine).toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        return Path.of(lines[lines.length - 1]);
    }

    @Test
    void theOnnxEngineGivesTheBuiltInEnginesStudyNumbers() throws IOException {
        Path builtin = run("builtin");
        Path onnx = run("onnx");
        double[] aceBuiltin = Npy.read(builtin.resolve("ace_latents.npy")).values();
        double[] aceOnnx = Npy.read(onnx.resolve("ace_latents.npy")).values();
        assertEquals(aceBuiltin.length, aceOnnx.length);
        double worst = 0;
        for (int i = 0; i < aceBuiltin.length; i++) {
            worst = Math.max(worst, Math.abs(aceBuiltin[i] - aceOnnx[i]));
        }
        assertTrue(worst < 1e-4, "ACE of every latent on every neuron within float tolerance; worst " + worst);

        JsonNode a = new ObjectMapper().readTree(builtin.resolve("results.json").toFile());
        JsonNode b = new ObjectMapper().readTree(onnx.resolve("results.json").toFile());
        assertEquals(a.at("/findings/clusters"), b.at("/findings/clusters"), "the same clusters");
        List<String> differences = new ArrayList<>();
        compare("", a.at("/findings/important/activation"), b.at("/findings/important/activation"), differences);
        compare("", a.get("ace"), b.get("ace"), differences);
        assertTrue(differences.isEmpty(), "results that differ beyond float tolerance: " + differences);
        // agglomerative clustering of per-draw ACE at +-2 cuts near-ties differently on last-bit differences: the
        // important ACE cluster may gain or lose a few of its ~800 neurons, its damage moves accordingly
        for (String alpha : List.of("-2", "2")) {
            JsonNode x = a.at("/findings/important/ace/" + alpha);
            JsonNode y = b.at("/findings/important/ace/" + alpha);
            assertEquals(x.get("size").asDouble(), y.get("size").asDouble(), 0.02 * x.get("size").asDouble(), "ACE cluster size at " + alpha);
            assertEquals(x.get("damage").asDouble(), y.get("damage").asDouble(), 0.02 * x.get("damage").asDouble(), "its damage at " + alpha);
        }
        assertEquals("onnx", b.at("/model/engine").asText(""), "the run says which engine ran the decoder");
        assertEquals(a.at("/export/decoder_sha256"), b.at("/export/decoder_sha256"), "the same weights exported");
        theExportedDecoderRunsAsAnyNetworkFile(builtin.resolve("decoder.onnx"));
    }

    private void theExportedDecoderRunsAsAnyNetworkFile(Path decoder) throws IOException {
        assertTrue(Files.size(decoder) > 100_000, "weights inside");
        Path rows = Npy.write(dir.resolve("z.npy"), new long[] {4, 20}, 4, i -> (i % 20 == 10 + 5) ? 1 : Math.sin(i) * 1.5);
        Cli cli = Cli.dnnc("activations", "--model", decoder.toString(), "--input", rows.toString(), "--out", dir.resolve("acts").toString());
        assertEquals(0, cli.exit(), cli.err());
        List<String> layers = Files.readAllLines(dir.resolve("acts/layers.csv"));
        assertTrue(layers.size() >= 4, layers.toString());
        Tensor out = Tensor.readNpy(dir.resolve("acts/output.npy"));
        assertEquals(4 * 784, out.values().length);
        for (float v : out.values()) {
            assertTrue(v >= 0 && v <= 1, "sigmoid pixels");
        }
    }

    /** Numbers within 1e-4 relative (or 1e-6 absolute), everything else equal. */
    private static void compare(String path, JsonNode a, JsonNode b, List<String> differences) {
        if (a == null || b == null) {
            if (a != b) {
                differences.add(path + ": present in one run only");
            }
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            if (Math.abs(x - y) > Math.max(1e-6, 1e-4 * Math.max(Math.abs(x), Math.abs(y)))) {
                differences.add(path + ": " + x + " vs " + y);
            }
            return;
        }
        if (a.isContainerNode() && a.size() == b.size()) {
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    compare(path + "[" + i + "]", a.get(i), b.get(i), differences);
                }
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    compare(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()), differences);
                }
            }
            return;
        }
        if (!a.equals(b)) {
            differences.add(path + ": " + a + " vs " + b);
        }
    }
}
