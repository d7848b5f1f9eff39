package dnnc.plugins.clustering;

/**
 * One pass over the matrices per iteration: row by row, A's update and the maxima of A + S, then R's update from
 * those maxima while the row is still in cache, so S, A and R are read once and A and R written once per iteration
 * (the memory traffic is what bounds affinity propagation). Every column's sum of the new R must run over the rows
 * in order, as NumPy's axis-0 sum does: on two cores the lower band of rows adds its rows to the sums as it goes,
 * and afterwards both cores add the upper band's rows, each over half of the columns (half of R read once more).
 */
final class MessagePasses implements AutoCloseable {
    private final MessageKernel kernel;
    private final int n;
    private final TwoBands bands;
    private final RowMaxima maxima;

    MessagePasses(MessageKernel kernel, int n, boolean parallel) {
        this.kernel = kernel;
        this.n = n;
        this.bands = new TwoBands(parallel);
        this.maxima = new RowMaxima(n);
    }

    /**
     * One pass over every row: A's update (or, with {@code updateAvailabilities} false, A as it is) and, with
     * {@code updateResponsibilities}, R's update from the new maxima, after which its column sums are the current ones.
     */
    void pass(boolean updateAvailabilities, boolean updateResponsibilities) {
        int summedRows = bands.count() == 1 ? n : n / 2;
        bands.run(n, 1, (band, from, to) -> {
            for (int i = from; i < to; i++) {
                if (updateAvailabilities) {
                    kernel.availabilities(i, maxima);
                } else {
                    kernel.rowMaxima(i, maxima);
                }
                rescanZeroRunnerUp(i);
                if (updateResponsibilities) {
                    kernel.responsibilities(i, maxima.first[i], maxima.top[i], maxima.second[i], i < summedRows);
                }
            }
        });
        if (updateResponsibilities) {
            if (summedRows < n) {
                bands.run(n, kernel.lanes(), (band, from, to) -> kernel.addToColumnSums(summedRows, n, from, to));
            }
            kernel.advanceColumnSums();
        }
    }

    /** Which zero's sign the scalar loop kept as the runner-up depends on the column order, which lanes change. */
    private void rescanZeroRunnerUp(int i) {
        if (maxima.second[i] == 0.0) {
            maxima.clear(i);
            for (int j = 0; j < n; j++) {
                maxima.offer(i, j, kernel.sum(i, j));
            }
        }
    }

    /** Row i's maxima of A + S after the last pass: exactly the scalar loop's over the whole row. */
    RowMaxima maxima() {
        return maxima;
    }

    @Override
    public void close() {
        bands.close();
    }
}
