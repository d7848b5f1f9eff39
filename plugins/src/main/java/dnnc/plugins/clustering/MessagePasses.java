package dnnc.plugins.clustering;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One pass over the matrices per iteration: row by row, A's update and the maxima of A + S, then R's update from
 * those maxima while the row is still in cache, so S, A and R are read once and A and R written once per iteration
 * (the memory traffic is what bounds affinity propagation). Every column's sum of the new R must run over the rows
 * in order, as NumPy's axis-0 sum does. On one core the sums are added as R is written. On two, both cores take
 * chunks of rows in turn (whichever is free takes the next), and a finished chunk is added to the sums as soon as
 * every chunk before it has been, by whichever core gets there: mostly the core that just wrote it, from its cache.
 * (Two fixed bands, the lower summed as it went and the upper added afterwards, read half of R once more: 14 % of
 * the solver's samples in JFR at N = 1,700.)
 */
final class MessagePasses implements AutoCloseable {
    /** At most this many values of R per chunk: a chunk's rows stay in a core's 1-2 MB L2 cache until they are summed. */
    private static final int CHUNK_VALUES = 1 << 15;
    /** At least this many chunks, so that the cores share small matrices too. */
    private static final int FEWEST_CHUNKS = 8;

    private final MessageKernel kernel;
    private final int n;
    private final TwoBands bands;
    private final RowMaxima maxima;
    private final int chunkRows;
    private final int chunks;

    MessagePasses(MessageKernel kernel, int n, boolean parallel) {
        this.kernel = kernel;
        this.n = n;
        this.bands = new TwoBands(parallel);
        this.maxima = new RowMaxima(n);
        this.chunkRows = Math.max(1, Math.min(CHUNK_VALUES / n, n / FEWEST_CHUNKS));
        this.chunks = (n + chunkRows - 1) / chunkRows;
    }

    /**
     * One pass over every row: A's update (or, with {@code updateAvailabilities} false, A as it is) and, with
     * {@code updateResponsibilities}, R's update from the new maxima, after which its column sums are the current ones.
     */
    void pass(boolean updateAvailabilities, boolean updateResponsibilities) {
        if (bands.count() == 1) {
            updateRows(0, n, updateAvailabilities, updateResponsibilities, true);
        } else {
            new ChunkedPass(updateAvailabilities, updateResponsibilities).run();
        }
        if (updateResponsibilities) {
            kernel.advanceColumnSums();
        }
    }

    private void updateRows(int from, int to, boolean updateAvailabilities, boolean updateResponsibilities, boolean summed) {
        for (int i = from; i < to; i++) {
            if (updateAvailabilities) {
                kernel.availabilities(i, maxima);
            } else {
                kernel.rowMaxima(i, maxima);
            }
            rescanZeroRunnerUp(i);
            if (updateResponsibilities) {
                kernel.responsibilities(i, maxima.first[i], maxima.top[i], maxima.second[i], summed);
            }
        }
    }

    /** One pass on two cores: chunks handed out in order, and the column sums' frontier advanced chunk by chunk. */
    private final class ChunkedPass {
        private final boolean updateAvailabilities;
        private final boolean updateResponsibilities;
        private final AtomicInteger nextChunk = new AtomicInteger();
        private final AtomicIntegerArray written = new AtomicIntegerArray(chunks);
        private final AtomicBoolean summing = new AtomicBoolean();
        /** Chunks [0, summedChunks) are in the sums; read and written only while holding {@link #summing}. */
        private int summedChunks;

        ChunkedPass(boolean updateAvailabilities, boolean updateResponsibilities) {
            this.updateAvailabilities = updateAvailabilities;
            this.updateResponsibilities = updateResponsibilities;
        }

        void run() {
            bands.both(() -> {
                for (int chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
                    updateRows(chunk * chunkRows, Math.min(n, (chunk + 1) * chunkRows), updateAvailabilities, updateResponsibilities, false);
                    written.set(chunk, 1);
                    if (updateResponsibilities) {
                        sumWhatIsReady();
                    }
                }
            });
            if (updateResponsibilities) {
                sumWhatIsReady();
                if (summedChunks != chunks) {
                    throw new IllegalStateException("affinity propagation: " + summedChunks + " of " + chunks + " chunks summed");
                }
            }
        }

        /**
         * Adds every written chunk at the frontier to the sums, unless the other core is doing so; the check after
         * letting go catches a chunk written while this core held the frontier (its writer found it taken).
         */
        private void sumWhatIsReady() {
            while (summing.compareAndSet(false, true)) {
                int frontier = summedChunks;
                while (frontier < chunks && written.get(frontier) == 1) {
                    kernel.addToColumnSums(frontier * chunkRows, Math.min(n, (frontier + 1) * chunkRows), 0, n);
                    frontier++;
                }
                summedChunks = frontier;
                summing.set(false);
                if (frontier == chunks || written.get(frontier) == 0) {
                    return;
                }
            }
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
