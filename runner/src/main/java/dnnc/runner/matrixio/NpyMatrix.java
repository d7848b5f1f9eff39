package dnnc.runner.matrixio;

import dnnc.api.Matrix;

import java.nio.file.Path;

/** NumPy's .npy format (the api's codec), with the value checks of {@link MatrixFiles}. */
final class NpyMatrix {
    private NpyMatrix() {
    }

    static Matrix read(Path file, MatrixFiles.NaNs nans) {
        Matrix m = Matrix.readNpy(file);
        double[] values = m.values();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) { // the element's name only for a value that may be refused (25 M strings at N=5,000)
                MatrixFiles.checkValue(file, values[i], nans, "element [" + i / m.cols() + ", " + i % m.cols() + "]");
            }
        }
        return m;
    }

    static void write(Path file, Matrix m) {
        m.writeNpy(file);
    }
}
