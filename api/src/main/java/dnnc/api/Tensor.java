package dnnc.api;

import dnnc.io.Npy;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A float32 array of any rank, row-major (C order); axis 0 is the batch (rows) wherever a network reads or
 * writes it. NumPy's {@code .npy} files read and write through {@link #readNpy} and {@link #writeNpy}.
 */
public record Tensor(long[] shape, float[] values) {
    public Tensor {
        shape = shape.clone();
        if (elementCount(shape) != values.length) {
            throw new IllegalArgumentException("tensor of shape " + shapeText(shape) + " given " + values.length + " values");
        }
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rows() {
        return shape.length == 0 ? 1 : Math.toIntExact(shape[0]);
    }

    /** Values per row: the product of every axis but the first. */
    public int rowSize() {
        return rows() == 0 ? 0 : values.length / rows();
    }

    /** {@code (2, 1, 28, 28)}; -1 (an axis of any length) is written as {@code batch} for axis 0, {@code ?} elsewhere. */
    public static String shapeText(long[] shape) {
        return Npy.shapeText(shape);
    }

    public static long elementCount(long[] shape) {
        return Npy.elementCount(shape);
    }

    /** A {@code .npy} file of float32 or float64 values (float64 narrowed to float32); one-line errors name the file. */
    public static Tensor readNpy(Path file) {
        Npy.Contents contents = NpyCodec.read(file);
        float[] values = new float[contents.values().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) contents.values()[i];
        }
        return new Tensor(contents.shape(), values);
    }

    /** Writes a version 1 {@code .npy} file of little-endian float32, C order. */
    public void writeNpy(Path file) {
        NpyCodec.write(file, shape, 4, i -> values[i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor" + shapeText(shape);
    }
}
