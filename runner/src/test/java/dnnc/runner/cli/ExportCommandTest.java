package dnnc.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.io.Sha256;
import dnnc.runner.reliability.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dnnc export on briefly trained models: the decoder and the judge written as ONNX, their paths printed, their
 * hashes on record, and each opens in dnnc's ONNX engine (the judge's logits against the built-in judge's are
 * checked in the plugins' JudgeExportTest, the decoder's in EnginesAgreeTest).
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheDecoderAndTheJudgeAndSaysWhere() throws IOException {
        Cli export = Cli.dnnc("export", "--workflow", "../workflows/export.yaml", "train=500", "epochs=1", "judge-epochs=1",
                "--runs", dir.resolve("runs").toString());
        assertEquals(0, export.exit(), export.err());
        List<String> lines = export.out().strip().lines().toList();
        Path folder = Path.of(lines.get(lines.size() - 3));
        assertEquals("decoder " + folder.resolve("decoder.onnx"), lines.get(lines.size() - 2));
        assertEquals("judge " + folder.resolve("judge.onnx"), lines.get(lines.size() - 1));
        JsonNode results = new ObjectMapper().readTree(folder.resolve("results.json").toFile());
        assertEquals(Sha256.hex(folder.resolve("judge.onnx")), results.at("/export/judge_sha256").asText());
        assertEquals(Sha256.hex(folder.resolve("decoder.onnx")), results.at("/export/decoder_sha256").asText());

        Cli inspect = Cli.dnnc("inspect", folder.resolve("judge.onnx").toString());
        assertEquals(0, inspect.exit(), inspect.err());
        for (String expected : List.of("image", "(batch, 784)", "conv1", "conv2", "logits", "not instrumentable: none")) {
            assertTrue(inspect.out().contains(expected), expected + " in:\n" + inspect.out());
        }
        assertTrue(inspect.out().lines().anyMatch(l -> l.startsWith("*") && l.contains("conv2") && l.endsWith(" 32")),
                "the second block's ReLU is probed, its 32 channels the units:\n" + inspect.out());
        assertTrue(Files.size(folder.resolve("judge.onnx")) > 100_000, "weights inside");
    }
}
