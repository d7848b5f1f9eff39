package dnnc.plugins.attribution;

/**
 * One input's interventions on a block of draws, without copies: for each intervention value v, its activations
 * are {@code cells} floats (rows x neurons, row-major) of {@code activations} from {@code start + v * cells}, and
 * its per-draw effects are those activations minus the draw's own {@code baseline} (one double per cell).
 */
record InterventionBlock(int input, int rows, int values, float[] activations, int start, int cells, double[] baseline) {

    /** Where value v's activations start in {@link #activations}. */
    int offset(int v) {
        return start + v * cells;
    }

    /** Moments over the rows of value v's per-draw effects, one variable per neuron. */
    RunningMoments effectMoments(int v) {
        return RunningMoments.ofDifferences(activations, offset(v), baseline, rows, cells / rows);
    }

    /** Value v's per-draw effects as floats into {@code target} from {@code at}. */
    void copyEffects(int v, float[] target, int at) {
        int first = offset(v);
        for (int c = 0; c < cells; c++) {
            target[at + c] = (float) (activations[first + c] - baseline[c]);
        }
    }
}
