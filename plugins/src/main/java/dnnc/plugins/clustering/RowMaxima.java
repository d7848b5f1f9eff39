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
     * Row i's maxima from the maxima of parts of its columns, in any order of parts: the maximum at its first
     * position (the smallest first position among parts reaching it), the runner-up as the largest of that part's
     * runner-up and the other parts' maxima. Values are exact; only a runner-up of zero can differ in sign from the
     * scalar loop's (which zero it kept depends on the column order): callers rescan those rows. {@code lanes} holds
     * {@code sets} sets of {@code width} parts, each set as its maxima, runner-ups and first positions in turn.
     */
    void merge(int i, double[] lanes, int width, int sets) {
        int best = -1; // index of the best part's maximum in lanes
        for (int set = 0; set < sets; set++) {
            for (int lane = 0; lane < width; lane++) {
                int top = 3 * set * width + lane;
                if (lanes[top] > Double.NEGATIVE_INFINITY && (best < 0 || lanes[top] > lanes[best]
                        || (lanes[top] == lanes[best] && lanes[top + 2 * width] < lanes[best + 2 * width]))) {
                    best = top;
                }
            }
        }
        if (best < 0) {
            clear(i);
            return;
        }
        double runnerUp = lanes[best + width];
        for (int set = 0; set < sets; set++) {
            for (int lane = 0; lane < width; lane++) {
                int top = 3 * set * width + lane;
                if (top != best && lanes[top] > runnerUp) {
                    runnerUp = lanes[top];
                }
            }
        }
        first[i] = (int) lanes[best + 2 * width];
        top[i] = lanes[best];
        second[i] = runnerUp;
    }
}
