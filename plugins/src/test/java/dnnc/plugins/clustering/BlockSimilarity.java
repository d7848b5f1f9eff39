package dnnc.plugins.clustering;

import dnnc.api.Matrix;

import java.util.SplittableRandom;

/** A similarity with a known answer: {@code blocks} groups, 0.8 +- 0.05 within a group, 0.05 +- 0.05 across. */
final class BlockSimilarity {
    private BlockSimilarity() {
    }

    static int group(int i, int blocks) {
        return i % blocks;
    }

    static Matrix of(int n, int blocks, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.set(i, i, 1.0);
            for (int j = i + 1; j < n; j++) {
                double base = group(i, blocks) == group(j, blocks) ? 0.8 : 0.05;
                double v = base + 0.1 * (random.nextDouble() - 0.5);
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
        return m;
    }

    /** True when the labels put i and j together exactly when their groups agree. */
    static boolean recovers(int[] labels, int blocks) {
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels.length; j++) {
                if ((labels[i] == labels[j]) != (group(i, blocks) == group(j, blocks))) {
                    return false;
                }
            }
        }
        return true;
    }
}
