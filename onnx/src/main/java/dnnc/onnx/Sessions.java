package dnnc.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dnnc.api.InvalidInputException;

import java.nio.file.Path;

/** ONNX Runtime sessions made from (edited) model bytes; a model ONNX Runtime refuses is the user's file at fault. */
final class Sessions {
    private Sessions() {
    }

    /** ONNX Runtime's own warnings (e.g. about unused initializers) would break dnnc's one-line messages. */
    static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "dnnc");
    }

    /**
     * One intra-op thread: the machines dnnc targets have few cores shared with other work, and one native thread
     * per JVM is the choice made for ND4J too (docs/PERFORMANCE.md).
     */
    static OrtSession open(OrtEnvironment env, Path file, byte[] model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            return env.createSession(model, options);
        } catch (OrtException e) {
            throw new InvalidInputException(file + ": ONNX Runtime 1.23 cannot run this model (" + firstLine(e.getMessage())
                    + "); it runs the standard ONNX operators of opsets 7 to 23", e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
