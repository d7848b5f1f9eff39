package dnnc.plugins.clustering;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.Vector;
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

    private AffinityLanes() {
    }

    static boolean holds(int firstColumn, int column) {
        return column >= firstColumn && column < firstColumn + SPECIES.length();
    }

    /** Plain columns in lanes; a vector's worth of columns holding the row's argmax or diagonal, and the tail, in scalar code. */
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
                m.responsibilitiesOfColumns(i, j, j + WIDTH, argmax, max, runnerUp, summed);
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

    /** Row i of R over columns [from, to) added to the next column sums; the diagonal's vector and the tail in scalar code. */
    static void addToColumnSums(AffinityMessages m, int i, int from, int to) {
        double[] r = m.r;
        double[] sums = m.nextColumnSums;
        int row = i * m.n;
        int j = from;
        for (; j <= to - WIDTH; j += WIDTH) {
            if (holds(j, i)) {
                m.addToColumnSums(i, j, j + WIDTH);
                continue;
            }
            DoubleVector.fromArray(SPECIES, sums, j).add(DoubleVector.fromArray(SPECIES, r, row + j).max(0.0)).intoArray(sums, j);
        }
        m.addToColumnSums(i, j, to);
    }

    /**
     * A's update in lanes, the diagonal put into its lane apart. Each lane keeps the scalar loop's running maximum,
     * its first position and the runner-up over its own columns; {@link RowMaxima#merge} turns them into the band's.
     */
    static void availabilities(AffinityMessages m, int i, RowMaxima out) {
        double[] a = m.a;
        double[] r = m.r;
        double[] s = m.s;
        double[] columnSums = m.columnSums;
        double damping = m.damping;
        double undamped = m.undamped;
        int n = m.n;
        int row = i * n;
        DoubleVector laneIndex = DoubleVector.zero(SPECIES).addIndex(1); // locals, not constants: C2 keeps them unboxed
        DoubleVector top = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        DoubleVector second = top;
        DoubleVector first = DoubleVector.zero(SPECIES);
        int diagonalVector = i - i % WIDTH; // the diagonal's lane is blended in (withLane is slow on JDK 17)
        double diagonal = m.diagonalAvailability(i); // no call inside the loop: C2 would box the running maxima around it
        VectorMask<Double> diagonalLane = laneIndex.compare(VectorOperators.EQ, i % WIDTH);
        int j = 0;
        for (; j <= n - WIDTH; j += WIDTH) {
            DoubleVector sums = DoubleVector.fromArray(SPECIES, columnSums, j);
            DoubleVector clipped = DoubleVector.fromArray(SPECIES, r, row + j).max(0.0).sub(sums).max(0.0);
            DoubleVector updated = DoubleVector.fromArray(SPECIES, a, row + j).mul(damping).sub(clipped.mul(undamped));
            if (j == diagonalVector) {
                updated = updated.blend(diagonal, diagonalLane);
            }
            updated.intoArray(a, row + j);
            DoubleVector v = updated.add(DoubleVector.fromArray(SPECIES, s, row + j));
            VectorMask<Double> above = v.compare(VectorOperators.GT, top);
            second = second.blend(v, v.compare(VectorOperators.GT, second)).blend(top, above);
            top = top.blend(v, above);
            first = first.blend(laneIndex.add(j), above);
        }
        mergeLanes(out, i, top, second, first);
        m.availabilitiesOfColumns(i, j, n, out);
    }

    /** Row i's maxima over the lanes' columns from each lane's running maximum, runner-up and first position. */
    static void mergeLanes(RowMaxima out, int i, Vector<?> top, Vector<?> second, Vector<?> first) {
        out.merge(i, top.toDoubleArray(), second.toDoubleArray(), first.toDoubleArray(), top.length());
    }
}
