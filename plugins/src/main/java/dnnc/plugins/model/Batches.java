package dnnc.plugins.model;

import dnnc.api.ImageSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Mini-batches of an image set as ND4J arrays. */
final class Batches {
    private Batches() {
    }

    /** Rows {@code order[from..from+size)} of the images, [size, pixels]. */
    static INDArray pixels(ImageSet images, int[] order, int from, int size) {
        int p = images.pixelsPerImage();
        float[] x = new float[size * p];
        for (int i = 0; i < size; i++) {
            System.arraycopy(images.pixels(), order[from + i] * p, x, i * p, p);
        }
        return Nd4j.create(x, new long[] {size, p}, 'c');
    }

    /** One-hot labels of the same rows, [size, classes]. */
    static INDArray oneHot(ImageSet images, int[] order, int from, int size, int classes) {
        float[] c = new float[size * classes];
        for (int i = 0; i < size; i++) {
            c[i * classes + images.labels()[order[from + i]]] = 1f;
        }
        return Nd4j.create(c, new long[] {size, classes}, 'c');
    }

    static INDArray gaussian(Random random, int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher-Yates with the given generator: the same seed gives the same epoch order. */
    static int[] shuffled(int n, Random random) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
