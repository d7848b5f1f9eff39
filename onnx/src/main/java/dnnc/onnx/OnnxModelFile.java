package dnnc.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dnnc.api.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An ONNX model file read into its protobuf, with the sha256 of its bytes; what is wrong with it in one line. */
record OnnxModelFile(Path path, ModelProto model, String sha256) {
    static final String VALID = "expected an ONNX model (ModelProto, e.g. from torch.onnx.export)";

    static OnnxModelFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path + ": no such file; " + VALID);
        } catch (IOException e) {
            throw new InvalidInputException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            String why = e.getMessage() != null && e.getMessage().contains("truncated") ? "is truncated or not ONNX" : "is not ONNX";
            throw new InvalidInputException(path + ": " + why + " (" + bytes.length + " bytes that do not parse as a ModelProto); " + VALID, e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0 || model.getOpsetImportCount() == 0) {
            throw new InvalidInputException(path + ": holds no ONNX graph (" + bytes.length + " bytes, "
                    + model.getGraph().getNodeCount() + " nodes, " + model.getOpsetImportCount() + " opset imports); " + VALID);
        }
        return new OnnxModelFile(path, model, sha256(bytes));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
