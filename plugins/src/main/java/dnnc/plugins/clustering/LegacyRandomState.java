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
    /** Coordinates of the last point {@link #nextPolarPoint()} accepted (fields: two results from one call). */
    private double polarX1;
    private double polarX2;

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
        int a = (int) nextUint32();
        return uniform(a, (int) nextUint32());
    }

    /** random_sample's double from two consecutive words: 27 bits of the first, 26 of the second. */
    private static double uniform(int first, int second) {
        return ((first >>> 5) * 67108864.0 + (second >>> 6)) / 9007199254740992.0;
    }

    /** NumPy's legacy_gauss. */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        double r2 = nextPolarPoint();
        double f = polarFactor(r2);
        gauss = f * polarX1;
        hasGauss = true;
        return f * polarX2;
    }

    /**
     * The first stage of {@code to - from} calls of {@link #standardNormal()} from a state with no value cached:
     * each pair's point of the unit disc, its x2 and x1 in place of the pair's two values (the uniforms, with their
     * rejections, are all the state depends on). {@link #normalsFromPoints} is the second stage. For an odd count
     * the last value gets x2, and its x1 is returned (NaN otherwise); the second value stays cached.
     */
    double polarPoints(double[] out, int from, int to) {
        if (hasGauss) {
            throw new IllegalStateException("polar points start on a fresh pair; a value is cached");
        }
        int k = from;
        while (k + 1 < to) {
            if (pos == N) {
                generate();
            }
            if (pos % 4 != 0) { // a point's four words straddle two blocks (after an odd count of nextDouble calls)
                nextPolarPoint();
                out[k] = polarX2;
                out[k + 1] = polarX1;
                k += 2;
                continue;
            }
            k = polarPointsOfBlock(out, k, to);
        }
        if (k == to) {
            return Double.NaN;
        }
        double r2 = nextPolarPoint();
        gauss = polarFactor(r2) * polarX1;
        hasGauss = true;
        out[k] = polarX2;
        return polarX1;
    }

    /**
     * Points into {@code out} from {@code k} on, until the block's words or {@code out[k, to)} run out; returns the
     * next k. Every candidate is stored and k moves on only past an accepted one: no branch on the rejection, which
     * (one candidate in five, at random) the CPU cannot predict.
     */
    private int polarPointsOfBlock(double[] out, int k, int to) {
        int p = pos;
        for (; p <= N - 4 && k + 1 < to; p += 4) {
            double x1 = 2.0 * uniform(tempered[p], tempered[p + 1]) - 1.0;
            double x2 = 2.0 * uniform(tempered[p + 2], tempered[p + 3]) - 1.0;
            double r2 = x1 * x1 + x2 * x2;
            out[k] = x2;
            out[k + 1] = x1;
            // accepted when 0 < r2 < 1: the sign bits of r2 - 1 and of 0 - r2 (+0.0 at r2 = 0)
            k += 2 * (int) ((Double.doubleToRawLongBits(r2 - 1.0) & Double.doubleToRawLongBits(0.0 - r2)) >>> 63);
        }
        pos = p;
        return k;
    }

    /**
     * The second stage: {@link #polarPoints}' points in {@code values[from, to)} (from at a pair's start) turned into
     * what {@link #standardNormal()} returns for them, bit for bit; {@code lastX1}: what polarPoints returned for an odd count.
     */
    static void normalsFromPoints(double[] values, int from, int to, double lastX1) {
        int k = from;
        for (; k + 1 < to; k += 2) {
            double x2 = values[k];
            double x1 = values[k + 1];
            double f = polarFactor(x1 * x1 + x2 * x2); // r2 as nextPolarPoint computed it
            values[k] = f * x2;
            values[k + 1] = f * x1;
        }
        if (k < to) {
            double x2 = values[k];
            values[k] = polarFactor(lastX1 * lastX1 + x2 * x2) * x2;
        }
    }

    /** Marsaglia's polar method: a point drawn uniformly in the unit disc (not its centre); returns its squared radius. */
    private double nextPolarPoint() {
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        polarX1 = x1;
        polarX2 = x2;
        return r2;
    }

    private static double polarFactor(double r2) {
        return Math.sqrt(-2.0 * Math.log(r2) / r2);
    }
}
