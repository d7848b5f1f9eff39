package dnnc.api;

import dnnc.io.FileFormatException;
import dnnc.io.Npy;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The project's .npy codec ({@link Npy}) for {@link Tensor} and {@link Matrix}, its failures as one-line user errors. */
final class NpyCodec {
    private NpyCodec() {
    }

    static Npy.Contents read(Path file) {
        try {
            return Npy.read(file);
        } catch (FileFormatException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    static void write(Path file, long[] shape, int width, Npy.Values values) {
        writing(file, () -> Npy.write(file, shape, width, values));
    }

    /** float64 values from an array, in bulk. */
    static void write(Path file, long[] shape, double[] values) {
        writing(file, () -> Npy.write(file, shape, values));
    }

    private static void writing(Path file, Runnable write) {
        try {
            write.run();
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(file + ": cannot be written (" + e.getCause().getMessage() + ")", e);
        }
    }
}
