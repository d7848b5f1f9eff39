package dnnc.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dnnc.api.InvalidInputException;
import dnnc.api.OpenNetwork;
import dnnc.api.TensorInfo;
import dnnc.api.TensorSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing inputs and tensors, and what the survey finds, on the PyTorch-made fixtures. */
class ModelChoicesTest {
    private static final Path FIXTURES = PyTorchReferenceTest.FIXTURES;

    @TempDir
    Path dir;

    @Test
    void aModelWithSeveralInputsNeedsOneChosen() throws IOException {
        ModelProto dense = ModelProto.parseFrom(Files.readAllBytes(FIXTURES.resolve("dense.onnx")));
        ModelProto twoInputs = dense.toBuilder().setGraph(dense.getGraph().toBuilder()
                .addInput(ValueInfoProto.newBuilder(dense.getGraph().getInput(0)).setName("mask"))).build();
        Path file = Files.write(dir.resolve("two.onnx"), twoInputs.toByteArray());
        String message = assertThrows(InvalidInputException.class, () -> new OnnxFormat().open(file, TensorSelection.defaults())).getMessage();
        assertTrue(message.contains(file + ": the model has 2 inputs (x, mask); choose the one dnnc feeds with input=NAME"), message);
        String unknown = assertThrows(InvalidInputException.class, () -> new OnnxFormat().open(file, new TensorSelection("z", List.of()))).getMessage();
        assertTrue(unknown.contains("no input 'z'; the model's inputs: x, mask"), unknown);
    }

    @Test
    void theSurveyFindsEveryBatchedFloatTensorInGraphOrderWithChannelsAsUnits() {
        try (OpenNetwork conv = new OnnxFormat().open(FIXTURES.resolve("conv.onnx"), new TensorSelection("x", List.of("*")))) {
            List<String> names = conv.summary().probeable().stream().map(t -> t.name() + " " + t.op() + " " + t.units()).toList();
            assertEquals(List.of("/conv/Conv_output_0 Conv 4", "/bn/BatchNormalization_output_0 BatchNormalization 4",
                    "/act/Relu_output_0 Relu 4", "/pool/MaxPool_output_0 MaxPool 4", "/Flatten_output_0 Flatten 64"), names);
            assertEquals(6, conv.summary().probed().size(), "every tensor and the output");
            TensorInfo output = conv.summary().probed().get(5);
            assertEquals("y", output.name());
            assertEquals(List.of(-1L, 6L), java.util.Arrays.stream(output.shape()).boxed().toList());
            assertEquals(4 * 9 + 4 + 4 * 4 + 64 * 6 + 6, conv.summary().parameters(), "conv, batch norm (4 vectors) and dense weights");
        }
    }
}
