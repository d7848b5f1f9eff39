package dnnc.plugins.clustering;

/**
 * Affinity propagation's message matrices and the per-row / per-column quantities passed between the two sweeps.
 * With the JDK's vector API present ({@code --add-modules jdk.incubator.vector}, passed by the dnnc launcher and
 * surefire) {@link AffinityLanes} runs the sweeps in SIMD lanes and hands the scalar code here the few columns that
 * are not plain (a row's argmax and diagonal, the last columns short of a full vector); without it the scalar code
 * does every column. Both give the same bits.
 */
final class AffinityMessages {
    static final boolean LANES = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    final double[] s;
    final double[] a;
    final double[] r;
    final int n;
    final double damping;
    final double undamped;
    final int[] argmax;
    final double[] max;
    final double[] runnerUp;
    final double[] columnSums;

    AffinityMessages(double[] s, double[] a, double[] r, int n, double damping) {
        this.s = s;
        this.a = a;
        this.r = r;
        this.n = n;
        this.damping = damping;
        this.undamped = 1 - damping;
        this.argmax = new int[n];
        this.max = new double[n];
        this.runnerUp = new double[n];
        this.columnSums = new double[n];
    }

    /** Per row of A + S: first position of the maximum, the maximum, and the maximum elsewhere. */
    void rowMaxima(int from, int to) {
        for (int i = from; i < to; i++) {
            int row = i * n;
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double v = a[row + j] + s[row + j];
                if (v > top) {
                    second = top;
                    top = v;
                    best = j;
                } else if (v > second) {
                    second = v;
                }
            }
            argmax[i] = best;
            max[i] = top;
            runnerUp[i] = second;
        }
    }

    /**
     * R's update and the column sums of max(R, 0) (R itself on the diagonal) over a band of columns. Each
     * column's sum runs over the rows in order, as NumPy's axis-0 sum does, which is why this sweep splits columns.
     */
    void responsibilities(int fromColumn, int toColumn) {
        if (LANES) {
            AffinityLanes.responsibilities(this, fromColumn, toColumn);
            return;
        }
        for (int i = 0; i < n; i++) {
            responsibilitiesOfRow(i, fromColumn, toColumn);
        }
    }

    /**
     * Row i's part of {@link #responsibilities(int, int)} over columns [from, to). The two special columns of a
     * row (its argmax and its diagonal) are done apart so the loops between them carry no branches.
     */
    void responsibilitiesOfRow(int i, int from, int to) {
        int row = i * n;
        int best = argmax[i];
        int first = Math.min(best, i);
        int second = Math.max(best, i);
        double y = max[i];
        int j = from;
        for (int special : new int[] {first, second}) {
            if (special < from || special >= to || special < j) {
                continue;
            }
            plainResponsibilities(row, y, j, special);
            specialResponsibility(i, row, special);
            j = special + 1;
        }
        plainResponsibilities(row, y, j, to);
    }

    private void plainResponsibilities(int row, double y, int from, int to) {
        for (int j = from; j < to; j++) {
            double updated = r[row + j] * damping + (s[row + j] - y) * undamped;
            r[row + j] = updated;
            columnSums[j] += Math.max(updated, 0.0);
        }
    }

    private void specialResponsibility(int i, int row, int j) {
        double fresh = s[row + j] - (j == argmax[i] ? runnerUp[i] : max[i]);
        double updated = r[row + j] * damping + fresh * undamped;
        r[row + j] = updated;
        columnSums[j] += j == i ? updated : Math.max(updated, 0.0);
    }

    /** A's update (clipped off the diagonal) over a band of rows, fused with the next iteration's row maxima of A + S. */
    void availabilitiesAndNextMaxima(int fromRow, int toRow) {
        if (LANES) {
            AffinityLanes.availabilitiesAndNextMaxima(this, fromRow, toRow);
            return;
        }
        for (int i = fromRow; i < toRow; i++) {
            argmax[i] = 0;
            max[i] = Double.NEGATIVE_INFINITY;
            runnerUp[i] = Double.NEGATIVE_INFINITY;
            availabilitiesAndNextMaximaOfRow(i, 0);
        }
    }

    /**
     * Row i's part of {@link #availabilitiesAndNextMaxima(int, int)} from column {@code from} to the end, carrying on
     * from the maxima that argmax, max and runnerUp hold for the columns before.
     */
    void availabilitiesAndNextMaximaOfRow(int i, int from) {
        int row = i * n;
        double diagonalBefore = a[row + i];
        int best = argmax[i];
        double top = max[i];
        double second = runnerUp[i];
        for (int j = from; j < n; j++) {
            double t = Math.max(Math.max(r[row + j], 0.0) - columnSums[j], 0.0);
            double updated = a[row + j] * damping - t * undamped;
            a[row + j] = updated;
            if (j == i) {
                updated = diagonalBefore * damping - (r[row + j] - columnSums[j]) * undamped;
                a[row + j] = updated;
            }
            double v = updated + s[row + j];
            if (v > top) {
                second = top;
                top = v;
                best = j;
            } else if (v > second) {
                second = v;
            }
        }
        argmax[i] = best;
        max[i] = top;
        runnerUp[i] = second;
    }
}
