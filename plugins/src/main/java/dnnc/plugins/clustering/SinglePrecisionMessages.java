package dnnc.plugins.clustering;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Affinity propagation's messages in float32 (the opt-in {@code precision=float32}): S rounded once from the noisy
 * float64 similarity, then scikit-learn's updates in float arithmetic with twice as many columns per SIMD vector
 * and half the memory traffic of float64. Its A and R round differently from scikit-learn's, so exemplars can
 * differ where two candidates are within float32 rounding of each other. Needs the JDK's vector module.
 */
final class SinglePrecisionMessages implements MessageKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int WIDTH = SPECIES.length();

    private final float[] s;
    private final float[] a;
    private final float[] r;
    private final int n;
    private final float damping;
    private final float undamped;
    private float[] columnSums;
    private float[] nextColumnSums;

    SinglePrecisionMessages(double[] similarity, int n, double damping) {
        this.n = n;
        this.s = new float[n * n];
        for (int k = 0; k < s.length; k++) {
            s[k] = (float) similarity[k];
        }
        this.a = new float[n * n];
        this.r = new float[n * n];
        this.damping = (float) damping;
        this.undamped = (float) (1 - damping);
        this.columnSums = new float[n];
        this.nextColumnSums = new float[n];
    }

    @Override
    public int lanes() {
        return WIDTH;
    }

    @Override
    public void rowMaxima(int i, RowMaxima out) {
        out.clear(i);
        for (int j = 0; j < n; j++) {
            out.offer(i, j, sum(i, j));
        }
    }

    @Override
    public void availabilities(int i, RowMaxima out) {
        float[] a = this.a; // locals for the helper below: it is slow reading the fields (3.4 against 0.7 ns a column)
        float[] r = this.r;
        float[] s = this.s;
        float[] columnSums = this.columnSums;
        int row = i * n;
        FloatVector laneIndex = FloatVector.zero(SPECIES).addIndex(1); // locals, not constants: C2 keeps them unboxed
        FloatVector evenTop = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector evenSecond = evenTop;
        FloatVector evenFirst = FloatVector.zero(SPECIES);
        FloatVector oddTop = evenTop;
        FloatVector oddSecond = evenTop;
        FloatVector oddFirst = evenFirst;
        int diagonalVector = i - i % WIDTH; // the diagonal's lane is blended in (withLane is slow on JDK 17)
        float diagonal = diagonalAvailability(i); // no call inside the loop: C2 would box the running maxima around it
        VectorMask<Float> diagonalLane = laneIndex.compare(VectorOperators.EQ, (float) (i % WIDTH)); // not compare(op, long): a slow path
        int j = 0;
        for (; j <= n - 2 * WIDTH; j += 2 * WIDTH) { // two sets of maxima, even and odd vectors, as AffinityLanes keeps
            FloatVector even = sumAfterUpdate(a, r, s, columnSums, damping, undamped, row, j, j == diagonalVector, diagonal, diagonalLane);
            VectorMask<Float> evenAbove = even.compare(VectorOperators.GT, evenTop);
            evenSecond = runnerUp(even, evenAbove, evenTop, evenSecond);
            evenTop = evenTop.blend(even, evenAbove);
            evenFirst = evenFirst.blend(laneIndex.add(j), evenAbove);
            int k = j + WIDTH;
            FloatVector odd = sumAfterUpdate(a, r, s, columnSums, damping, undamped, row, k, k == diagonalVector, diagonal, diagonalLane);
            VectorMask<Float> oddAbove = odd.compare(VectorOperators.GT, oddTop);
            oddSecond = runnerUp(odd, oddAbove, oddTop, oddSecond);
            oddTop = oddTop.blend(odd, oddAbove);
            oddFirst = oddFirst.blend(laneIndex.add(k), oddAbove);
        }
        VectorMask<Float> oddWins = oddTop.compare(VectorOperators.GT, evenTop) // as AffinityLanes.mergeLanes combines the sets
                .or(oddTop.compare(VectorOperators.EQ, evenTop).and(oddFirst.compare(VectorOperators.LT, evenFirst)));
        FloatVector winnersSecond = evenSecond.blend(oddSecond, oddWins);
        FloatVector losersTop = oddTop.blend(evenTop, oddWins);
        AffinityLanes.mergeLanes(out, i, evenTop.blend(oddTop, oddWins),
                winnersSecond.blend(losersTop, losersTop.compare(VectorOperators.GT, winnersSecond)), evenFirst.blend(oddFirst, oddWins));
        for (; j < n; j++) {
            float updated = j == i ? diagonal
                    : a[row + j] * damping - Math.max(Math.max(r[row + j], 0f) - columnSums[j], 0f) * undamped;
            a[row + j] = updated;
            float v = updated + s[row + j];
            out.offer(i, j, v);
        }
    }

    /** A + S over columns [j, j + WIDTH) after A's update there (stored), {@code diagonal} in its lane when the vector holds it. */
    private static FloatVector sumAfterUpdate(float[] a, float[] r, float[] s, float[] columnSums, float damping, float undamped,
                                              int row, int j, boolean holdsDiagonal, float diagonal, VectorMask<Float> diagonalLane) {
        FloatVector clipped = FloatVector.fromArray(SPECIES, r, row + j).max(0f).sub(FloatVector.fromArray(SPECIES, columnSums, j)).max(0f);
        FloatVector updated = FloatVector.fromArray(SPECIES, a, row + j).mul(damping).sub(clipped.mul(undamped));
        if (holdsDiagonal) {
            updated = updated.blend(diagonal, diagonalLane);
        }
        updated.intoArray(a, row + j);
        return updated.add(FloatVector.fromArray(SPECIES, s, row + j));
    }

    private static FloatVector runnerUp(FloatVector v, VectorMask<Float> above, FloatVector top, FloatVector second) {
        return second.blend(v, v.compare(VectorOperators.GT, second)).blend(top, above);
    }

    private float diagonalAvailability(int i) {
        int k = i * n + i;
        return a[k] * damping - (r[k] - columnSums[i]) * undamped;
    }

    @Override
    public boolean nextExemplar(int i) {
        return diagonalAvailability(i) + r[i * n + i] > 0;
    }

    @Override
    public void responsibilities(int i, int argmax, double max, double runnerUp, boolean summed) {
        float y = (float) max;
        float y2 = (float) runnerUp;
        int row = i * n;
        int j = 0;
        for (; j <= n - WIDTH; j += WIDTH) {
            if (inVector(j, argmax) || inVector(j, i)) {
                responsibilitiesOfColumns(i, j, j + WIDTH, argmax, y, y2, summed);
                continue;
            }
            FloatVector fresh = FloatVector.fromArray(SPECIES, s, row + j).sub(y);
            FloatVector updated = FloatVector.fromArray(SPECIES, r, row + j).mul(damping).add(fresh.mul(undamped));
            updated.intoArray(r, row + j);
            if (summed) {
                FloatVector.fromArray(SPECIES, nextColumnSums, j).add(updated.max(0f)).intoArray(nextColumnSums, j);
            }
        }
        responsibilitiesOfColumns(i, j, n, argmax, y, y2, summed);
    }

    private static boolean inVector(int firstColumn, int column) {
        return column >= firstColumn && column < firstColumn + WIDTH;
    }

    private void responsibilitiesOfColumns(int i, int from, int to, int argmax, float max, float runnerUp, boolean summed) {
        int row = i * n;
        for (int j = from; j < to; j++) {
            float fresh = s[row + j] - (j == argmax ? runnerUp : max);
            float updated = r[row + j] * damping + fresh * undamped;
            r[row + j] = updated;
            if (summed) {
                nextColumnSums[j] += j == i ? updated : Math.max(updated, 0f);
            }
        }
    }

    @Override
    public void addToColumnSums(int fromRow, int toRow, int fromColumn, int toColumn) {
        for (int i = fromRow; i < toRow; i++) {
            int row = i * n;
            int j = fromColumn;
            for (; j <= toColumn - WIDTH; j += WIDTH) {
                if (inVector(j, i)) {
                    addToColumnSums(i, j, j + WIDTH);
                    continue;
                }
                FloatVector.fromArray(SPECIES, nextColumnSums, j).add(FloatVector.fromArray(SPECIES, r, row + j).max(0f))
                        .intoArray(nextColumnSums, j);
            }
            addToColumnSums(i, j, toColumn);
        }
    }

    private void addToColumnSums(int i, int from, int to) {
        int row = i * n;
        for (int j = from; j < to; j++) {
            nextColumnSums[j] += j == i ? r[row + j] : Math.max(r[row + j], 0f);
        }
    }

    @Override
    public double sum(int i, int j) {
        return a[i * n + j] + s[i * n + j];
    }

    @Override
    public void advanceColumnSums() {
        float[] summed = nextColumnSums;
        nextColumnSums = columnSums;
        columnSums = summed;
        java.util.Arrays.fill(nextColumnSums, 0f);
    }

    @Override
    public double[] a() {
        return widened(a);
    }

    @Override
    public double[] r() {
        return widened(r);
    }

    private static double[] widened(float[] values) {
        double[] wide = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            wide[k] = values[k];
        }
        return wide;
    }
}
