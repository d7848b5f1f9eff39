package dnnc.runner.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.db.RecordStore;
import dnnc.db.RunDetails;
import dnnc.db.RunStatus;
import dnnc.db.StepRecord;
import dnnc.io.Npy;
import dnnc.io.Sha256;
import dnnc.runner.reliability.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * workflows/network.yaml end to end on a classifier made in PyTorch (runner/src/test/resources/network,
 * make_classifier.py there): a real H2 record store, the real workflow file, the fixture's own data; then every bad
 * input of a network run refused in one line, with exit code 2 and no run on record.
 */
class NetworkWorkflowTest {
    static final Path FIXTURES = Path.of("src/test/resources/network");
    static final Path WORKFLOW = Path.of("../workflows/network.yaml");
    static final Path MODEL = FIXTURES.resolve("classifier.onnx");
    static final Path ROWS = FIXTURES.resolve("classifier_X.npy");
    static final Path LABELS = FIXTURES.resolve("classifier_y.npy");

    @TempDir
    Path dir;

    private Cli run(String... parameters) {
        List<String> args = new ArrayList<>(List.of("run", WORKFLOW.toString(), "--runs", dir.resolve("runs").toString()));
        args.addAll(List.of(parameters));
        return Cli.dnnc(args.toArray(String[]::new));
    }

    @Test
    void analysesAClassifierMadeInPyTorchAndSaysWhatItAnalysed() throws IOException {
        Cli cli = run("model=" + MODEL, "data=" + ROWS, "labels=" + LABELS, "draws=100", "lesion-rows=150", "random-lesions=39");
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        Path folder = Path.of(lines[lines.length - 1]);
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertEquals("succeeded", results.get("status").asText());

        assertEquals(Sha256.hex(MODEL), results.at("/network/sha256").asText());
        // 49*24 + 24, 24*16 + 16, 16*10 + 10
        assertEquals(1770, results.at("/network/parameters").asLong());
        List<String> probed = new ArrayList<>();
        List<Integer> units = new ArrayList<>();
        results.at("/network/probed").forEach(t -> {
            probed.add(t.get("op").asText());
            units.add(t.get("units").asInt());
        });
        assertEquals(List.of("Relu", "Relu", "Gemm"), probed, "both ReLUs and the graph output");
        assertEquals(List.of(24, 16, 10), units);
        JsonNode reference = new ObjectMapper().readTree(FIXTURES.resolve("classifier_reference.json").toFile());
        assertEquals(reference.get("accuracy").asDouble(), results.at("/network/accuracy").asDouble(), 1e-12,
                "the intact network's accuracy as PyTorch computed it");

        assertEquals(16, results.at("/ace/targets").size(), "a 7 x 7 input in 2 x 2 patches (the last row and column narrower)");
        assertEquals("patch rows 0-1, cols 0-1", results.at("/ace/targets/0").asText());
        assertEquals(100, results.at("/ace/draws").asInt());
        assertEquals(3, results.at("/ace/alphas").size());
        assertEquals(150, results.at("/findings/lesion/rows_per_evaluation").asInt());
        assertEquals("accuracy", results.at("/findings/lesion/criterion").asText());
        assertEquals(3, results.at("/findings/critical").size(), "a critical set per alpha");

        String report = Files.readString(folder.resolve("report.html"));
        for (String expected : List.of(Sha256.hex(MODEL), "/1/Relu_output_0", "/3/Relu_output_0", "1770", "Critical sets", "intact network's top-1 accuracy")) {
            assertTrue(report.contains(expected), expected + " in the report");
        }
        assertFalse(report.contains("src=\"http") || report.contains("<script"), "self-contained");

        try (RecordStore store = RecordStore.open(dir.resolve("runs"))) {
            RunDetails details = store.showRun(folder.getFileName().toString());
            assertEquals(RunStatus.SUCCEEDED, details.summary().status());
            assertEquals(List.of("data:npy", "model:onnx", "attribution:network-ace", "similarity:spearman",
                    "clustering:affinity-propagation", "lesion:accuracy", "report:network"), details.steps().stream().map(StepRecord::stepId).toList());
            assertEquals(Sha256.hex(ROWS), details.inputHashes().get("classifier_X.npy"));
            assertEquals(Sha256.hex(MODEL), details.inputHashes().get("model:onnx"));
        }
    }

    @Test
    void csvRowsWithAHeaderAndALabelColumnGiveTheSameIntactAccuracy() throws IOException {
        Npy.Contents x = Npy.read(ROWS);
        double[] y = Npy.readAnyType(LABELS).values();
        int cols = (int) x.shape()[1];
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < cols; c++) {
            csv.append("pixel").append(c).append(',');
        }
        csv.append("digit\n");
        for (int r = 0; r < x.shape()[0]; r++) {
            for (int c = 0; c < cols; c++) {
                csv.append((float) x.values()[r * cols + c]).append(',');
            }
            csv.append((int) y[r]).append('\n');
        }
        Path rows = Files.writeString(dir.resolve("rows.csv"), csv);
        Cli cli = run("model=" + MODEL, "data=" + rows, "label-column=digit", "draws=20", "lesion-rows=50", "random-lesions=19", "tested-clusters=1");
        assertEquals(0, cli.exit(), cli.err());
        String[] lines = cli.out().strip().split("\n");
        JsonNode results = new ObjectMapper().readTree(Path.of(lines[lines.length - 1]).resolve("results.json").toFile());
        JsonNode reference = new ObjectMapper().readTree(FIXTURES.resolve("classifier_reference.json").toFile());
        assertEquals(reference.get("accuracy").asDouble(), results.at("/network/accuracy").asDouble(), 1e-12,
                "the same rows and labels as the .npy files, read from text");
    }

    @Test
    void csvRowsOfTheWrongWidthNameBothShapes() throws IOException {
        Path wide = Files.writeString(dir.resolve("wide.csv"), ("0.5,".repeat(49) + "0.5\n").repeat(3));
        refused(run("model=" + MODEL, "data=" + wide, "criterion=agreement"), "wide.csv", "(3, 50)", "(batch, 49)", "each line must hold 49 values");
    }

    @Test
    void aFileThatIsNotOnnx() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.onnx"), "not a model");
        refused(run("model=" + fake, "data=" + ROWS, "labels=" + LABELS), fake.toString());
    }

    @Test
    void aTruncatedModel() throws IOException {
        byte[] bytes = Files.readAllBytes(MODEL);
        Path cut = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
        refused(run("model=" + cut, "data=" + ROWS, "labels=" + LABELS), cut.toString());
    }

    @Test
    void aModelWithSeveralInputsAndNoneChosen() {
        Path two = FIXTURES.resolve("two_inputs.onnx");
        refused(run("model=" + two, "data=" + ROWS), two.toString(), "2 inputs (x, mask)", "input=NAME");
    }

    @Test
    void rowsOfTheWrongShapeNameBothShapes() {
        Path wide = Npy.write(dir.resolve("wide.npy"), new long[] {3, 50}, 4, i -> 0.5);
        refused(run("model=" + MODEL, "data=" + wide), "wide.npy", "(3, 50)", "(batch, 49)");
    }

    @Test
    void rowsOfIntegersAreRefusedNamingTheirType() throws IOException {
        Path ints = writeInt32Npy(dir.resolve("ints.npy"), 3, 49);
        refused(run("model=" + MODEL, "data=" + ints), "ints.npy", "int32", "float32");
    }

    @Test
    void theAccuracyCriterionNeedsLabels() {
        refused(run("model=" + MODEL, "data=" + ROWS), "accuracy", "labels=y.npy", "agreement");
    }

    @Test
    void labelsThatDoNotMatchTheRows() {
        Path few = Npy.write(dir.resolve("few.npy"), new long[] {5}, 8, i -> 1);
        refused(run("model=" + MODEL, "data=" + ROWS, "labels=" + few), "few.npy", "(5,)", "(300,)");
    }

    @Test
    void aMissingModelFile() {
        refused(run("model=" + dir.resolve("none.onnx"), "data=" + ROWS), "none.onnx", "does not exist");
    }

    private void refused(Cli cli, String... expected) {
        cli.assertRefused(expected);
        assertEquals(2, cli.exit(), "exit code 2 for bad input");
        Path store = dir.resolve("runs").resolve("records.mv.db");
        if (Files.exists(store)) {
            try (RecordStore records = RecordStore.open(dir.resolve("runs"))) {
                assertEquals("0", records.query("SELECT COUNT(*) FROM runs").rows().get(0).get(0), "nothing on record");
            }
        }
    }

    /** NumPy's header for an int32 array, written by hand: dnnc writes only floats. */
    private static Path writeInt32Npy(Path file, int rows, int cols) throws IOException {
        String header = "{'descr': '<i4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        header += " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 4 * rows * cols).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return Files.write(file, buf.array());
    }
}
