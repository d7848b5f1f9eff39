package dnnc.plugins.clustering;

/**
 * Per row of A + S over some of its columns, what the scalar loop over those columns in order keeps: the first
 * position of the maximum, the maximum, and the largest value elsewhere (comparisons with {@code >}, so NaN is
 * skipped and the first of equal values stays).
 */
final class RowMaxima {
    final int[] first;
    final double[] top;
    final double[] second;

    RowMaxima(int n) {
        first = new int[n];
        top = new double[n];
        second = new double[n];
    }

    void clear(int i) {
        first[i] = 0;
        top[i] = Double.NEGATIVE_INFINITY;
        second[i] = Double.NEGATIVE_INFINITY;
    }

    /** Carries row i's maxima on over column j, of value v (columns offered in order). */
    void offer(int i, int j, double v) {
        if (v > top[i]) {
            second[i] = top[i];
            top[i] = v;
            first[i] = j;
        } else if (v > second[i]) {
            second[i] = v;
        }
    }

    /**
     * Row i's maxima from the maxima of {@code count} parts of its columns, in any order of parts: the maximum at its
     * first position (the smallest first position among parts reaching it), the runner-up as the largest of that
     * part's runner-up and the other parts' maxima. Values are exact; only a runner-up of zero can differ in sign
     * from the scalar loop's (which zero it kept depends on the column order): callers rescan those rows.
     */
    void merge(int i, double[] tops, double[] seconds, double[] firsts, int count) {
        int best = -1;
        for (int part = 0; part < count; part++) {
            if (tops[part] > Double.NEGATIVE_INFINITY && (best < 0 || tops[part] > tops[best]
                    || (tops[part] == tops[best] && firsts[part] < firsts[best]))) {
                best = part;
            }
        }
        if (best < 0) {
            clear(i);
            return;
        }
        double runnerUp = seconds[best];
        for (int part = 0; part < count; part++) {
            if (part != best && tops[part] > runnerUp) {
                runnerUp = tops[part];
            }
        }
        first[i] = (int) firsts[best];
        top[i] = tops[best];
        second[i] = runnerUp;
    }
}
