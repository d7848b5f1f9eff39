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
        this(0, new double[variables], new double[variables]);
    }

    /** Moments of a block: {@code values} is rows x variables, row-major. */
    static RunningMoments ofBlock(double[] values, int rows, int variables) {
        RunningMoments m = new RunningMoments(variables);
        m.count = rows;
        for (int r = 0; r < rows; r++) {
            int base = r * variables;
            for (int v = 0; v < variables; v++) {
                m.mean[v] += values[base + v];
            }
        }
        for (int v = 0; v < variables; v++) {
            m.mean[v] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            int base = r * variables;
            for (int v = 0; v < variables; v++) {
                double d = values[base + v] - m.mean[v];
                m.m2[v] += d * d;
            }
        }
        return m;
    }

    /** Moments of {@code count} samples with these means and sums of squared deviations (the arrays are kept). */
    static RunningMoments of(long count, double[] mean, double[] m2) {
        return new RunningMoments(count, mean, m2);
    }

    private RunningMoments(long count, double[] mean, double[] m2) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
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
