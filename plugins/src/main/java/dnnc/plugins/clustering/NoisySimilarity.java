package dnnc.plugins.clustering;

/**
 * What scikit-learn iterates on for one similarity matrix and seed: S with the preference on its diagonal plus
 * (eps*S + 100*tiny) * G, G standard normal from RandomState(seed) in row-major order. Only the diagonal depends
 * on the preference, so the noise is drawn once and a preference sweep rewrites just the diagonal.
 */
final class NoisySimilarity {
    private static final double EPS = Math.ulp(1.0);
    private static final double TINY_100 = Double.MIN_NORMAL * 100;

    final double[] similarity;
    final int n;
    /** n = 1 or all off-diagonal similarities equal: scikit-learn returns without iterating (and without noise). */
    final boolean degenerate;
    private final double[] noisy;
    private final double[] diagonalNoise;

    /** {@code similarity}: row-major n x n, not modified. */
    NoisySimilarity(double[] similarity, int n, long seed) {
        this.similarity = similarity;
        this.n = n;
        this.degenerate = n == 1 || allOffDiagonalEqual(similarity, n);
        this.noisy = degenerate ? null : new double[similarity.length];
        this.diagonalNoise = new double[degenerate ? 0 : n];
        if (degenerate) {
            return;
        }
        LegacyRandomState random = new LegacyRandomState(seed);
        int diagonal = 0; // the next diagonal entry's index: a division per entry cost as much as drawing the noise
        for (int k = 0; k < noisy.length; k++) {
            double g = random.standardNormal();
            double v = similarity[k];
            if (k == diagonal) {
                diagonalNoise[k / (n + 1)] = g;
                noisy[k] = v; // replaced by the preference in at()
                diagonal += n + 1;
            } else {
                noisy[k] = v + (EPS * v + TINY_100) * g;
            }
        }
    }

    /**
     * The noisy matrix at this preference. Every preference shares one array (a solve only reads it), so it holds
     * until the next call: solve one preference at a time.
     */
    double[] at(double preference) {
        for (int i = 0; i < n; i++) {
            noisy[i * n + i] = preference + (EPS * preference + TINY_100) * diagonalNoise[i];
        }
        return noisy;
    }

    private static boolean allOffDiagonalEqual(double[] s, int n) {
        double first = s[1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && s[i * n + j] != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
