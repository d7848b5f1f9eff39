package dnnc.plugins.clustering;

/**
 * Affinity propagation's messages in float64, scikit-learn's arithmetic operation for operation. With the JDK's
 * vector API present ({@code --add-modules jdk.incubator.vector}, passed by the dnnc launcher and surefire)
 * {@link AffinityLanes} runs the rows in SIMD lanes and hands the scalar code here the few columns that are not
 * plain (a row's argmax and diagonal, the last columns short of a full vector); without it the scalar code does
 * every column. Both give the same bits.
 */
final class AffinityMessages implements MessageKernel {
    static final boolean LANES = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    final double[] s;
    final double[] a;
    final double[] r;
    final int n;
    final double damping;
    final double undamped;
    /** Column sums of max(R, 0), R itself on the diagonal, for the current R (NumPy's axis-0 sum: rows in order). */
    double[] columnSums;
    /** The same for the R being computed. */
    double[] nextColumnSums;

    AffinityMessages(double[] s, double[] a, double[] r, int n, double damping) {
        this.s = s;
        this.a = a;
        this.r = r;
        this.n = n;
        this.damping = damping;
        this.undamped = 1 - damping;
        this.columnSums = new double[n];
        this.nextColumnSums = new double[n];
    }

    @Override
    public int lanes() {
        return LANES ? AffinityLanes.WIDTH : 1;
    }

    @Override
    public void rowMaxima(int i, RowMaxima out) {
        if (LANES) {
            AffinityLanes.availabilities(this, i, out, false);
            return;
        }
        out.clear(i);
        int row = i * n;
        for (int j = 0; j < n; j++) {
            out.offer(i, j, a[row + j] + s[row + j]);
        }
    }

    @Override
    public void availabilities(int i, RowMaxima out) {
        if (LANES) {
            AffinityLanes.availabilities(this, i, out, true);
            return;
        }
        out.clear(i);
        availabilitiesOfColumns(i, 0, n, out);
    }

    /** The scalar update of row i's columns [from, to), carrying on from the maxima {@code out} holds for the columns before. */
    void availabilitiesOfColumns(int i, int from, int to, RowMaxima out) {
        int row = i * n;
        int best = out.first[i];
        double top = out.top[i];
        double second = out.second[i];
        for (int j = from; j < to; j++) {
            double updated = j == i ? diagonalAvailability(i)
                    : a[row + j] * damping - Math.max(Math.max(r[row + j], 0.0) - columnSums[j], 0.0) * undamped;
            a[row + j] = updated;
            double v = updated + s[row + j];
            if (v > top) {
                second = top;
                top = v;
                best = j;
            } else if (v > second) {
                second = v;
            }
        }
        out.first[i] = best;
        out.top[i] = top;
        out.second[i] = second;
    }

    /** A's next value at (i, i): not clipped. */
    double diagonalAvailability(int i) {
        int k = i * n + i;
        return a[k] * damping - (r[k] - columnSums[i]) * undamped;
    }

    @Override
    public boolean nextExemplar(int i) {
        return diagonalAvailability(i) + r[i * n + i] > 0;
    }

    @Override
    public void responsibilities(int i, int argmax, double max, double runnerUp, boolean summed) {
        if (LANES) {
            AffinityLanes.responsibilities(this, i, argmax, max, runnerUp, summed);
            return;
        }
        responsibilitiesOfColumns(i, 0, n, argmax, max, runnerUp, summed);
    }

    /** The scalar update of R over row i's columns [from, to). */
    void responsibilitiesOfColumns(int i, int from, int to, int argmax, double max, double runnerUp, boolean summed) {
        int row = i * n;
        for (int j = from; j < to; j++) {
            double fresh = s[row + j] - (j == argmax ? runnerUp : max);
            double updated = r[row + j] * damping + fresh * undamped;
            r[row + j] = updated;
            if (summed) {
                nextColumnSums[j] += j == i ? updated : Math.max(updated, 0.0);
            }
        }
    }

    @Override
    public void addToColumnSums(int fromRow, int toRow, int fromColumn, int toColumn) {
        for (int i = fromRow; i < toRow; i++) {
            if (LANES) {
                AffinityLanes.addToColumnSums(this, i, fromColumn, toColumn);
            } else {
                addToColumnSums(i, fromColumn, toColumn);
            }
        }
    }

    /** Row i of R over columns [from, to) added to the next column sums. */
    void addToColumnSums(int i, int from, int to) {
        int row = i * n;
        for (int j = from; j < to; j++) {
            nextColumnSums[j] += j == i ? r[row + j] : Math.max(r[row + j], 0.0);
        }
    }

    @Override
    public double sum(int i, int j) {
        return a[i * n + j] + s[i * n + j];
    }

    @Override
    public void advanceColumnSums() {
        double[] summed = nextColumnSums;
        nextColumnSums = columnSums;
        columnSums = summed;
        java.util.Arrays.fill(nextColumnSums, 0.0);
    }

    @Override
    public double[] a() {
        return a;
    }

    @Override
    public double[] r() {
        return r;
    }
}
