package dnnc.plugins.clustering;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AffinityMessages}' row updates in SIMD lanes, bit-identical to the scalar code: every lane does the scalar
 * arithmetic of one column (separate multiplies and adds, never fused; lanewise max is Math.max, -0.0 and NaN
 * included), and a column's sum still runs over the rows in order. Loaded only when the module is present.
 */
final class AffinityLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int WIDTH = SPECIES.length();
    private static final double[] LANE_INDEX = java.util.stream.IntStream.range(0, WIDTH).asDoubleStream().toArray();
    /** Each thread's two sets of lane maxima at the end of a row, for {@link RowMaxima#merge}. */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[6 * WIDTH]);

    private AffinityLanes() {
    }

    static boolean holds(int firstColumn, int column) {
        return column >= firstColumn && column < firstColumn + SPECIES.length();
    }

    /** Columns in lanes, the vectors holding the row's argmax or diagonal with those lanes blended apart; the tail in scalar code. */
    static void responsibilities(AffinityMessages m, int i, int argmax, double max, double runnerUp, boolean summed) {
        double[] r = m.r;
        double[] s = m.s;
        double[] sums = m.nextColumnSums;
        double damping = m.damping;
        double undamped = m.undamped;
        int n = m.n;
        int row = i * n;
        int j = 0;
        for (; j <= n - WIDTH; j += WIDTH) {
            if (holds(j, argmax) || holds(j, i)) {
                responsibilitiesWithOwnLanes(m, i, j, argmax, max, runnerUp, summed);
                continue;
            }
            DoubleVector fresh = DoubleVector.fromArray(SPECIES, s, row + j).sub(max);
            DoubleVector updated = DoubleVector.fromArray(SPECIES, r, row + j).mul(damping).add(fresh.mul(undamped));
            updated.intoArray(r, row + j);
            if (summed) {
                DoubleVector.fromArray(SPECIES, sums, j).add(updated.max(0.0)).intoArray(sums, j);
            }
        }
        m.responsibilitiesOfColumns(i, j, n, argmax, max, runnerUp, summed);
    }

    /**
     * R's update over the vector of columns from j that holds row i's argmax or diagonal, each blended into its
     * lane: the runner-up subtracted at the argmax, R itself (not clipped) summed at the diagonal. In scalar code
     * these two vectors a row took 6 % of the solver's samples at N = 1,700.
     */
    private static void responsibilitiesWithOwnLanes(AffinityMessages m, int i, int j, int argmax, double max,
                                                     double runnerUp, boolean summed) {
        int at = i * m.n + j;
        DoubleVector laneIndex = DoubleVector.fromArray(SPECIES, LANE_INDEX, 0);
        DoubleVector subtrahend = DoubleVector.broadcast(SPECIES, max)
                .blend(runnerUp, laneIndex.compare(VectorOperators.EQ, (double) (argmax - j)));
        DoubleVector fresh = DoubleVector.fromArray(SPECIES, m.s, at).sub(subtrahend);
        DoubleVector updated = DoubleVector.fromArray(SPECIES, m.r, at).mul(m.damping).add(fresh.mul(m.undamped));
        updated.intoArray(m.r, at);
        if (summed) {
            DoubleVector summand = updated.max(0.0).blend(updated, laneIndex.compare(VectorOperators.EQ, (double) (i - j)));
            DoubleVector.fromArray(SPECIES, m.nextColumnSums, j).add(summand).intoArray(m.nextColumnSums, j);
        }
    }

    /** Row i of R over columns [from, to) added to the next column sums; the tail in scalar code. */
    static void addToColumnSums(AffinityMessages m, int i, int from, int to) {
        double[] r = m.r;
        double[] sums = m.nextColumnSums;
        int row = i * m.n;
        int j = from;
        for (; j <= to - WIDTH; j += WIDTH) {
            DoubleVector values = DoubleVector.fromArray(SPECIES, r, row + j);
            DoubleVector summand = values.max(0.0);
            if (holds(j, i)) { // R itself at the diagonal
                summand = summand.blend(values, DoubleVector.fromArray(SPECIES, LANE_INDEX, 0).compare(VectorOperators.EQ, (double) (i - j)));
            }
            DoubleVector.fromArray(SPECIES, sums, j).add(summand).intoArray(sums, j);
        }
        m.addToColumnSums(i, j, to);
    }

    /**
     * A's update in lanes, the diagonal put into its lane apart. Each lane keeps the scalar loop's running maximum,
     * its first position and the runner-up over its own columns; {@link RowMaxima#merge} turns them into the band's.
     * Even and odd vectors keep separate maxima: one set chains every vector's compare-and-blend to the previous
     * one's, and that latency, not memory, bounded the loop (0.91 against 0.65 ns a column at N = 600, one thread).
     * With {@code update} false, A stays as it is and only the maxima of A + S are taken (the first pass).
     */
    static void availabilities(AffinityMessages m, int i, RowMaxima out, boolean update) {
        double[] a = m.a;
        double[] r = m.r;
        double[] s = m.s;
        double[] columnSums = m.columnSums;
        double damping = m.damping;
        double undamped = m.undamped;
        int n = m.n;
        int row = i * n;
        DoubleVector laneIndex = DoubleVector.fromArray(SPECIES, LANE_INDEX, 0); // a load: addIndex allocated on every row
        DoubleVector evenTop = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        DoubleVector evenSecond = evenTop;
        DoubleVector evenFirst = DoubleVector.zero(SPECIES);
        DoubleVector oddTop = evenTop;
        DoubleVector oddSecond = evenTop;
        DoubleVector oddFirst = evenFirst;
        int diagonalVector = i - i % WIDTH; // the diagonal's lane is blended in (withLane is slow on JDK 17)
        double diagonal = m.diagonalAvailability(i); // no call inside the loop: C2 would box the running maxima around it
        // a double, not the int: compare(op, long) checks its argument on a slow path (a few % of the pass in JFR)
        VectorMask<Double> diagonalLane = laneIndex.compare(VectorOperators.EQ, (double) (i % WIDTH));
        int j = 0;
        for (; j <= n - 2 * WIDTH; j += 2 * WIDTH) {
            DoubleVector even = sumAfterUpdate(a, r, s, columnSums, damping, undamped, row, j, update, j == diagonalVector, diagonal, diagonalLane);
            VectorMask<Double> evenAbove = even.compare(VectorOperators.GT, evenTop);
            evenSecond = runnerUp(even, evenAbove, evenTop, evenSecond);
            evenTop = evenTop.blend(even, evenAbove);
            evenFirst = evenFirst.blend(laneIndex.add(j), evenAbove);
            int k = j + WIDTH;
            DoubleVector odd = sumAfterUpdate(a, r, s, columnSums, damping, undamped, row, k, update, k == diagonalVector, diagonal, diagonalLane);
            VectorMask<Double> oddAbove = odd.compare(VectorOperators.GT, oddTop);
            oddSecond = runnerUp(odd, oddAbove, oddTop, oddSecond);
            oddTop = oddTop.blend(odd, oddAbove);
            oddFirst = oddFirst.blend(laneIndex.add(k), oddAbove);
        }
        // into an array here, where C2 knows the vectors' shape: passed to a method, they were boxed and its lane
        // operations ran the vector API's allocating fallbacks (3-5 GB/s of garbage in JFR, a young GC every 0.1 s)
        double[] lanes = SCRATCH.get();
        evenTop.intoArray(lanes, 0);
        evenSecond.intoArray(lanes, WIDTH);
        evenFirst.intoArray(lanes, 2 * WIDTH);
        oddTop.intoArray(lanes, 3 * WIDTH);
        oddSecond.intoArray(lanes, 4 * WIDTH);
        oddFirst.intoArray(lanes, 5 * WIDTH);
        out.merge(i, lanes, WIDTH, 2);
        if (update) {
            m.availabilitiesOfColumns(i, j, n, out);
        } else {
            for (; j < n; j++) {
                out.offer(i, j, a[row + j] + s[row + j]);
            }
        }
    }

    /**
     * A + S over columns [j, j + WIDTH) of the row starting at {@code row}, after A's update there (stored) unless
     * {@code update} is false; {@code diagonal} goes into {@code diagonalLane} when the vector holds the diagonal.
     */
    private static DoubleVector sumAfterUpdate(double[] a, double[] r, double[] s, double[] columnSums, double damping,
                                               double undamped, int row, int j, boolean update, boolean holdsDiagonal,
                                               double diagonal, VectorMask<Double> diagonalLane) {
        DoubleVector updated = DoubleVector.fromArray(SPECIES, a, row + j);
        if (update) {
            DoubleVector clipped = DoubleVector.fromArray(SPECIES, r, row + j).max(0.0)
                    .sub(DoubleVector.fromArray(SPECIES, columnSums, j)).max(0.0);
            updated = updated.mul(damping).sub(clipped.mul(undamped));
            if (holdsDiagonal) {
                updated = updated.blend(diagonal, diagonalLane);
            }
            updated.intoArray(a, row + j);
        }
        return updated.add(DoubleVector.fromArray(SPECIES, s, row + j));
    }

    /** The scalar loop's runner-up after value v, lane by lane: the old maximum where v passed it, else v where v passed the runner-up. */
    private static DoubleVector runnerUp(DoubleVector v, VectorMask<Double> above, DoubleVector top, DoubleVector second) {
        return second.blend(v, v.compare(VectorOperators.GT, second)).blend(top, above);
    }
}
