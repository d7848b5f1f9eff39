package dnnc.plugins.clustering;

/**
 * NumPy's legacy {@code numpy.random.RandomState(seed)}: MT19937 seeded by init_genrand, 53-bit doubles and the
 * Marsaglia polar Gaussian that keeps its second value for the next call. Bit-exact with
 * {@code RandomState(seed).standard_normal(n)} up to the logarithm: NumPy calls glibc's log, Java's Math.log
 * differs from it by one ulp for about one value in a few hundred (glibc's own log is not correctly rounded
 * either). The uniform stream and the accept/reject sequence are exact; a one-ulp change in a Gaussian moves
 * scikit-learn's noise (eps * S * G, about 1e-16 of S) by about 1e-32 of S, which vanishes when added to S, so
 * the noisy similarity, A, R and labels still agree bit for bit (see AffinityPropagationSolverTest).
 */
public final class LegacyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] key = new int[N];
    /** The block's words tempered in one loop after each twist, which C2 can run in SIMD lanes. */
    private final int[] tempered = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    public LegacyRandomState(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, as NumPy's RandomState requires; got " + seed);
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            key[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    private void generate() {
        final int upper = 0x80000000;
        final int lower = 0x7fffffff;
        final int matrixA = 0x9908b0df;
        int i = 0;
        for (; i < N - M; i++) {
            int y = (key[i] & upper) | (key[i + 1] & lower);
            key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & matrixA);
        }
        for (; i < N - 1; i++) {
            int y = (key[i] & upper) | (key[i + 1] & lower);
            key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & matrixA);
        }
        int y = (key[N - 1] & upper) | (key[0] & lower);
        key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & matrixA);
        for (int k = 0; k < N; k++) {
            int z = key[k];
            z ^= z >>> 11;
            z ^= (z << 7) & 0x9d2c5680;
            z ^= (z << 15) & 0xefc60000;
            tempered[k] = z ^ (z >>> 18);
        }
        pos = 0;
    }

    /** The next 32 tempered bits, as an unsigned value. */
    long nextUint32() {
        if (pos == N) {
            generate();
        }
        return tempered[pos++] & 0xffffffffL;
    }

    /** Uniform in [0, 1) with 53 random bits (NumPy's random_sample). */
    public double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** NumPy's legacy_gauss. */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }
}
