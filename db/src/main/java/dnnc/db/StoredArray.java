package dnnc.db;

/** An array as recorded: values in row-major order of shape. */
public record StoredArray(String name, int[] shape, double[] values) {
}
