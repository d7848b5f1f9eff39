package dnnc.runner.matrixio;

import dnnc.api.Matrix;

import java.nio.file.Path;

/** NumPy's .npy format (the api's codec), with the value checks of {@link MatrixFiles}. */
final class NpyMatrix {
    private NpyMatrix() {
    }

    static Matrix read(Path file, MatrixFiles.NaNs nans) {
        Matrix m = Matrix.readNpy(file);
        for (int i = 0; i < m.values().length; i++) {
            MatrixFiles.checkValue(file, m.values()[i], nans, "element [" + i / m.cols() + ", " + i % m.cols() + "]");
        }
        return m;
    }

    static void write(Path file, Matrix m) {
        m.writeNpy(file);
    }
}
