package dnnc.plugins.clustering;

/**
 * Affinity propagation's messages in one precision, updated a row and a band of columns at a time by
 * {@link MessagePasses}. A pass over row i first updates A's row (from R and the column sums of the current
 * responsibilities) and takes the maxima of the new A + S, then updates R's row and adds it to the next column sums
 * (max(R, 0), R itself on the diagonal).
 */
interface MessageKernel {
    /** SIMD lanes per vector: bands split at a multiple of it. */
    int lanes();

    /** Row i's maxima of A + S as they stand (the first pass, before any A update). */
    void rowMaxima(int i, RowMaxima out);

    /** A's update over row i (clipped off the diagonal), and the row's maxima of the new A + S. */
    void availabilities(int i, RowMaxima out);

    /** R's update over row i, given the row's maxima of A + S; {@code summed}: added to the next column sums now. */
    void responsibilities(int i, int argmax, double max, double runnerUp, boolean summed);

    /** Adds R's rows [fromRow, toRow), in order, to the next column sums of columns [fromColumn, toColumn). */
    void addToColumnSums(int fromRow, int toRow, int fromColumn, int toColumn);

    /** A + S at (i, j) as the kernel computes it, widened to double: for rescanning a row's maxima. */
    double sum(int i, int j);

    /** Whether i will be an exemplar after the next availability update: its A on the diagonal, computed ahead, plus R's. */
    boolean nextExemplar(int i);

    /** The column sums just added up become the current ones; the next ones start from zero. */
    void advanceColumnSums();

    /** A and R as float64 row-major n x n arrays. */
    double[] a();

    double[] r();
}
