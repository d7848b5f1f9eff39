package dnnc.api;

/** A dense row-major matrix of doubles. */
public record Matrix(int rows, int cols, double[] values) {
    public Matrix {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("matrix " + rows + " x " + cols + " given " + values.length + " values");
        }
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    public double get(int r, int c) {
        return values[r * cols + c];
    }

    public void set(int r, int c, double v) {
        values[r * cols + c] = v;
    }
}
