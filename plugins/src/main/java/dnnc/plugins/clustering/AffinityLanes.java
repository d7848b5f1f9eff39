package dnnc.plugins.clustering;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two sweeps of {@link AffinityMessages} in SIMD lanes, bit-identical to the scalar code: every lane does the
 * scalar arithmetic of one column (separate multiplies and adds, never fused; lanewise max is Math.max, -0.0 and
 * NaN included), and a column's sum still runs over the rows in order. Loaded only when the module is present.
 */
final class AffinityLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int WIDTH = SPECIES.length();

    private AffinityLanes() {
    }

    /** Plain columns in lanes; a vector's worth of columns holding a row's argmax or diagonal, and the tail, in scalar code. */
    static void responsibilities(AffinityMessages m, int fromColumn, int toColumn) {
        double[] r = m.r;
        double[] s = m.s;
        double[] columnSums = m.columnSums;
        double damping = m.damping;
        double undamped = m.undamped;
        for (int i = 0; i < m.n; i++) {
            int row = i * m.n;
            int best = m.argmax[i];
            double y = m.max[i];
            int j = fromColumn;
            for (; j <= toColumn - WIDTH; j += WIDTH) {
                if (holds(j, best) || holds(j, i)) {
                    m.responsibilitiesOfRow(i, j, j + WIDTH);
                    continue;
                }
                DoubleVector fresh = DoubleVector.fromArray(SPECIES, s, row + j).sub(y);
                DoubleVector updated = DoubleVector.fromArray(SPECIES, r, row + j).mul(damping).add(fresh.mul(undamped));
                updated.intoArray(r, row + j);
                DoubleVector.fromArray(SPECIES, columnSums, j).add(updated.max(0.0)).intoArray(columnSums, j);
            }
            m.responsibilitiesOfRow(i, j, toColumn);
        }
    }

    private static boolean holds(int firstColumn, int column) {
        return column >= firstColumn && column < firstColumn + WIDTH;
    }

    /**
     * A's update in lanes, the diagonal put into its lane apart. Each lane keeps the scalar loop's running maximum,
     * its first position and the runner-up over its own columns; {@link #mergeMaxima} turns them into the row's.
     */
    static void availabilitiesAndNextMaxima(AffinityMessages m, int fromRow, int toRow) {
        double[] a = m.a;
        double[] r = m.r;
        double[] s = m.s;
        double[] columnSums = m.columnSums;
        double damping = m.damping;
        double undamped = m.undamped;
        int n = m.n;
        DoubleVector laneIndex = DoubleVector.broadcast(SPECIES, 0).addIndex(1);
        DoubleVector none = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        double[] tops = new double[WIDTH];
        double[] seconds = new double[WIDTH];
        double[] firsts = new double[WIDTH];
        for (int i = fromRow; i < toRow; i++) {
            int row = i * n;
            DoubleVector top = none;
            DoubleVector second = none;
            DoubleVector first = DoubleVector.zero(SPECIES);
            int j = 0;
            for (; j <= n - WIDTH; j += WIDTH) {
                DoubleVector rv = DoubleVector.fromArray(SPECIES, r, row + j);
                DoubleVector sums = DoubleVector.fromArray(SPECIES, columnSums, j);
                DoubleVector clipped = rv.max(0.0).sub(sums).max(0.0);
                DoubleVector updated = DoubleVector.fromArray(SPECIES, a, row + j).mul(damping).sub(clipped.mul(undamped));
                if (holds(j, i)) {
                    updated = updated.withLane(i - j, a[row + i] * damping - (r[row + i] - columnSums[i]) * undamped);
                }
                updated.intoArray(a, row + j);
                DoubleVector v = updated.add(DoubleVector.fromArray(SPECIES, s, row + j));
                VectorMask<Double> above = v.compare(VectorOperators.GT, top);
                second = second.blend(v, v.compare(VectorOperators.GT, second)).blend(top, above);
                top = top.blend(v, above);
                first = first.blend(laneIndex.add(j), above);
            }
            top.intoArray(tops, 0);
            second.intoArray(seconds, 0);
            first.intoArray(firsts, 0);
            mergeMaxima(m, i, tops, seconds, firsts);
            m.availabilitiesAndNextMaximaOfRow(i, j);
            if (m.runnerUp[i] == 0.0) {
                m.rowMaxima(i, i + 1); // which zero's sign the scalar loop kept depends on the column order: rescan
            }
        }
    }

    /**
     * The scalar loop's state after the lanes' columns: the maximum at its first position (the smallest first
     * position among lanes reaching it), and the runner-up as the largest of that lane's runner-up and the other
     * lanes' maxima. Values are exact; only a runner-up of zero can differ in sign, which the caller rescans.
     */
    private static void mergeMaxima(AffinityMessages m, int i, double[] tops, double[] seconds, double[] firsts) {
        int bestLane = -1;
        for (int lane = 0; lane < WIDTH; lane++) {
            if (tops[lane] > Double.NEGATIVE_INFINITY && (bestLane < 0 || tops[lane] > tops[bestLane]
                    || (tops[lane] == tops[bestLane] && firsts[lane] < firsts[bestLane]))) {
                bestLane = lane;
            }
        }
        if (bestLane < 0) {
            m.argmax[i] = 0;
            m.max[i] = Double.NEGATIVE_INFINITY;
            m.runnerUp[i] = Double.NEGATIVE_INFINITY;
            return;
        }
        double runnerUp = seconds[bestLane];
        for (int lane = 0; lane < WIDTH; lane++) {
            if (lane != bestLane && tops[lane] > runnerUp) {
                runnerUp = tops[lane];
            }
        }
        m.argmax[i] = (int) firsts[bestLane];
        m.max[i] = tops[bestLane];
        m.runnerUp[i] = runnerUp;
    }
}
