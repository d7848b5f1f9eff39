package dnnc.plugins.attribution;

/**
 * Mean and sum of squared deviations of many variables over samples that arrive in blocks, merged with
 * Chan et al.'s pairwise update: numerically stable, and memory does not grow with the number of samples.
 */
final class RunningMoments {
    private long count;
    private final double[] mean;
    private final double[] m2;

    RunningMoments(int variables) {
        mean = new double[variables];
        m2 = new double[variables];
    }

    /** Moments of a block: {@code values} is rows x variables, row-major. */
    static RunningMoments ofBlock(double[] values, int rows, int variables) {
        return of(c -> values[c], rows, variables);
    }

    /**
     * Moments of the block {@code values[start + c] - baseline[c]} (rows x variables, row-major), computed as
     * {@link #ofBlock} would compute them from those differences stored as doubles, without storing them.
     */
    static RunningMoments ofDifferences(float[] values, int start, double[] baseline, int rows, int variables) {
        return of(c -> values[start + c] - baseline[c], rows, variables);
    }

    private static RunningMoments of(java.util.function.IntToDoubleFunction cell, int rows, int variables) {
        RunningMoments m = new RunningMoments(variables);
        m.count = rows;
        for (int r = 0; r < rows; r++) {
            int base = r * variables;
            for (int v = 0; v < variables; v++) {
                m.mean[v] += cell.applyAsDouble(base + v);
            }
        }
        for (int v = 0; v < variables; v++) {
            m.mean[v] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            int base = r * variables;
            for (int v = 0; v < variables; v++) {
                double d = cell.applyAsDouble(base + v) - m.mean[v];
                m.m2[v] += d * d;
            }
        }
        return m;
    }

    void merge(RunningMoments other) {
        if (other.count == 0) {
            return;
        }
        long n = count + other.count;
        double weight = (double) other.count / n;
        double cross = (double) count * other.count / n;
        for (int v = 0; v < mean.length; v++) {
            double delta = other.mean[v] - mean[v];
            mean[v] += delta * weight;
            m2[v] += other.m2[v] + delta * delta * cross;
        }
        count = n;
    }

    long count() {
        return count;
    }

    double[] mean() {
        return mean.clone();
    }

    /** Standard error of the mean: sample standard deviation / sqrt(n). */
    double[] standardError() {
        double[] se = new double[mean.length];
        if (count < 2) {
            return se;
        }
        for (int v = 0; v < se.length; v++) {
            se[v] = Math.sqrt(m2[v] / (count - 1) / count);
        }
        return se;
    }
}
