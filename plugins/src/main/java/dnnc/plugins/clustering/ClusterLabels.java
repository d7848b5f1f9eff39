package dnnc.plugins.clustering;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;

import java.util.Arrays;

/** Label bookkeeping shared by the clustering plugins. */
final class ClusterLabels {
    private ClusterLabels() {
    }

    /** Renumbers labels 0.. in order of first appearance, dropping unused numbers; -1 stays -1. */
    static int[] compact(int[] labels) {
        int max = Arrays.stream(labels).max().orElse(-1);
        int[] renumber = new int[max + 1];
        Arrays.fill(renumber, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                out[i] = -1;
                continue;
            }
            if (renumber[labels[i]] < 0) {
                renumber[labels[i]] = next++;
            }
            out[i] = renumber[labels[i]];
        }
        return out;
    }

    static int count(int[] labels) {
        return (int) Arrays.stream(labels).filter(l -> l >= 0).distinct().count();
    }

    static void requireSquare(Matrix similarity, String algorithm, int k) {
        if (similarity.rows() != similarity.cols() || similarity.rows() == 0) {
            throw new InvalidInputException(algorithm + " needs a non-empty square similarity matrix; got "
                    + similarity.rows() + " x " + similarity.cols());
        }
        if (k > similarity.rows()) {
            throw new InvalidInputException(algorithm + " parameter 'k' is " + k + "; expected at most the "
                    + similarity.rows() + " variables");
        }
    }
}
