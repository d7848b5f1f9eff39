package dnnc.plugins.similarity;

import dnnc.api.Matrix;
import dnnc.api.PluginInfo;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;

import java.util.stream.IntStream;

/**
 * Kendall's tau-b by direct pair counting: O(samples^2) per pair of variables, meant for modest sizes
 * (a few hundred samples); rows of the result are computed in parallel.
 */
@PluginInfo(name = "kendall", description = "Kendall rank correlation tau-b (O(samples^2) per pair: modest sizes)")
public final class KendallSimilarity implements SimilarityMeasure {

    @Override
    public SimilarityResult similarity(Matrix samplesByVariables) {
        GramSimilarity.requireSamples(samplesByVariables);
        int[] kept = VariableColumns.nonConstant(samplesByVariables);
        double[][] columns = VariableColumns.transposed(samplesByVariables, kept);
        int n = kept.length;
        long[] untiedPairs = new long[n];
        for (int j = 0; j < n; j++) {
            untiedPairs[j] = untiedPairs(columns[j]);
        }
        double[] tau = new double[n * n];
        IntStream.range(0, n).parallel().forEach(j -> {
            tau[j * n + j] = 1.0;
            for (int k = j + 1; k < n; k++) {
                double t = concordanceBalance(columns[j], columns[k]) / Math.sqrt((double) untiedPairs[j] * untiedPairs[k]);
                tau[j * n + k] = t;
                tau[k * n + j] = t;
            }
        });
        return new SimilarityResult(name(), new Matrix(n, n, tau), kept, samplesByVariables.cols());
    }

    /** Concordant minus discordant pairs; pairs tied in either variable count as neither. */
    private static double concordanceBalance(double[] x, double[] y) {
        long balance = 0;
        for (int s = 0; s < x.length; s++) {
            for (int t = s + 1; t < x.length; t++) {
                balance += (long) Double.compare(x[s] + 0.0, x[t] + 0.0) * Double.compare(y[s] + 0.0, y[t] + 0.0);
            }
        }
        return balance;
    }

    private static long untiedPairs(double[] x) {
        long pairs = 0;
        for (int s = 0; s < x.length; s++) {
            for (int t = s + 1; t < x.length; t++) {
                if (x[s] != x[t]) {
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
