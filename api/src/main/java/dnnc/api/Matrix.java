package dnnc.api;

import dnnc.io.Npy;

import java.nio.file.Path;

/** A dense row-major matrix of doubles. */
public record Matrix(int rows, int cols, double[] values) implements java.io.Serializable {
    public Matrix {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("matrix " + rows + " x " + cols + " given " + values.length + " values");
        }
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** A 2-D {@code .npy} file of float64 or float32 values; one-line errors name the file. */
    public static Matrix readNpy(Path file) {
        Npy.Contents contents = NpyCodec.read(file);
        long[] shape = contents.shape();
        if (shape.length != 2) {
            throw new InvalidInputException(file + ": shape " + Tensor.shapeText(shape) + " is not 2-D; expected a samples x variables matrix");
        }
        return new Matrix(Math.toIntExact(shape[0]), Math.toIntExact(shape[1]), contents.values());
    }

    /** Writes a version 1 {@code .npy} file of little-endian float64, C order. */
    public void writeNpy(Path file) {
        NpyCodec.write(file, new long[]{rows, cols}, values);
    }

    public double get(int r, int c) {
        return values[r * cols + c];
    }

    public void set(int r, int c, double v) {
        values[r * cols + c] = v;
    }
}
