package dnnc.runner.cli;

import dnnc.api.Tensor;
import dnnc.runner.reliability.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dnnc inspect and dnnc activations on the onnx module's PyTorch-made fixtures (onnx/src/test/resources/fixtures,
 * made by make_fixtures.py there): what a user runs to check dnnc against their framework.
 */
class NetworkCommandsTest {
    static final Path FIXTURES = Path.of("../onnx/src/test/resources/fixtures");

    @TempDir
    Path dir;

    @Test
    void inspectListsInputsProbeableTensorsAndOutputs() {
        Cli run = Cli.dnnc("inspect", FIXTURES.resolve("conv.onnx").toString());
        assertEquals(0, run.exit(), run.err());
        for (String expected : List.of("446 parameters", "ai.onnx 17", "(batch, 1, 8, 8)", "/bn/BatchNormalization_output_0",
                "/pool/MaxPool_output_0", "(batch, 4, 4, 4)", "not instrumentable: none")) {
            assertTrue(run.out().contains(expected), expected + " in:\n" + run.out());
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("*") && l.contains("/act/Relu_output_0") && l.endsWith(" 4")),
                "the ReLU is probed by default, with its 4 channels as units:\n" + run.out());
    }

    @Test
    void activationsOfALesionedAndIntervenedConvNetEqualPyTorch() throws IOException {
        Cli run = Cli.dnnc("activations", "--model", FIXTURES.resolve("conv.onnx").toString(), "--input", FIXTURES.resolve("conv_input.npy").toString(),
                "--out", dir.toString(), "--lesion", "/act/Relu_output_0=0", "--set", "/act/Relu_output_0=3:0.4", "--batch", "3");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("tensor,file,shape,units", "/act/Relu_output_0,act_Relu_output_0.npy,16x4x8x8,4", "output,output.npy,16x6,6"),
                Files.readAllLines(dir.resolve("layers.csv")));
        assertClose(FIXTURES.resolve("conv_mixed_act_Relu_output_0.npy"), dir.resolve("act_Relu_output_0.npy"));
        assertClose(FIXTURES.resolve("conv_mixed_output.npy"), dir.resolve("output.npy"));
    }

    @Test
    void aGlobChoosesTheProbedTensors() throws IOException {
        Cli run = Cli.dnnc("activations", "--model", FIXTURES.resolve("dense.onnx").toString(), "--input", FIXTURES.resolve("dense_input.npy").toString(),
                "--out", dir.toString(), "--tensors", "/fc*/Gemm_output_0", "--lesion", "output=1");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("tensor,file,shape,units", "/fc1/Gemm_output_0,fc1_Gemm_output_0.npy,16x16,16",
                "/fc2/Gemm_output_0,fc2_Gemm_output_0.npy,16x8,8", "output,output.npy,16x5,5"), Files.readAllLines(dir.resolve("layers.csv")));
        float[] output = Tensor.readNpy(dir.resolve("output.npy")).values();
        for (int row = 0; row < 16; row++) {
            assertEquals(0f, output[row * 5 + 1], "the lesioned output unit");
        }
    }

    @Test
    void badInputIsOneLineNamingTheFileAndWhatWouldBeValid() throws IOException {
        Path model = FIXTURES.resolve("skip.onnx");
        Path input = FIXTURES.resolve("skip_input.npy");
        Path notOnnx = Files.writeString(dir.resolve("notes.onnx"), "these are notes, not a network");
        Path truncated = Files.write(dir.resolve("truncated.onnx"), java.util.Arrays.copyOf(Files.readAllBytes(model), 400));
        Cli.dnnc("inspect", notOnnx.toString()).assertRefused(notOnnx.toString(), "not ONNX", "expected an ONNX model");
        Cli.dnnc("inspect", truncated.toString()).assertRefused(truncated.toString(), "truncated");
        Cli.dnnc("inspect", input.toString()).assertRefused(input.toString(), "formats: onnx (.onnx)");
        Cli.dnnc("activations", "--model", model.toString(), "--input", FIXTURES.resolve("conv_input.npy").toString(), "--out", dir.toString())
                .assertRefused("conv_input.npy", "(16, 1, 8, 8)", "does not fit input 'x'", "(batch, 10)");
        Cli.dnnc("activations", "--model", model.toString(), "--input", input.toString(), "--out", dir.toString(), "--tensors", "/act2/Relu")
                .assertRefused("skip.onnx", "'/act2/Relu'", "/act2/Relu_output_0", "dnnc inspect");
        Cli.dnnc("activations", "--model", model.toString(), "--input", input.toString(), "--out", dir.toString(), "--lesion", "/act9/Relu_output_0=1")
                .assertRefused("'/act9/Relu_output_0'", "/act1/Relu_output_0");
        Cli.dnnc("activations", "--model", model.toString(), "--input", input.toString(), "--out", dir.toString(), "--lesion", "output=4")
                .assertRefused("unit 4 of 'output'", "0 to 3");
        Cli.dnnc("activations", "--model", model.toString(), "--input", input.toString(), "--out", dir.toString(), "--set", "output=1")
                .assertRefused("--set output=1", "unit:value");
        assertEquals(List.of("notes.onnx", "truncated.onnx"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList(),
                "nothing written when the input is refused");
    }

    private static void assertClose(Path reference, Path ours) {
        Tensor theirs = Tensor.readNpy(reference);
        Tensor mine = Tensor.readNpy(ours);
        assertArrayEquals(theirs.shape(), mine.shape());
        for (int i = 0; i < mine.values().length; i++) {
            assertEquals(theirs.values()[i], mine.values()[i], 1e-5, ours + " element " + i);
        }
    }
}
