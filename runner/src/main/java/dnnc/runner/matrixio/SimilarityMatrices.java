package dnnc.runner.matrixio;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.api.SimilarityResult;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The full variables x variables form of a similarity: excluded (constant) variables appear as rows and columns
 * of NaN, so a file keeps one row and column per input column; and the way back for --precomputed input.
 */
public final class SimilarityMatrices {
    private SimilarityMatrices() {
    }

    public static Matrix expand(SimilarityResult result) {
        int n = result.variables();
        if (result.kept().length == n) {
            return result.matrix(); // nothing excluded: the matrix is already the full one
        }
        Matrix full = new Matrix(n, n, new double[n * n]);
        Arrays.fill(full.values(), Double.NaN);
        int[] kept = result.kept();
        for (int a = 0; a < kept.length; a++) {
            for (int b = 0; b < kept.length; b++) {
                full.set(kept[a], kept[b], result.matrix().get(a, b));
            }
        }
        return full;
    }

    /**
     * Reads back a square similarity in which a variable may be excluded by a row and column of NaN; any other
     * NaN is an error naming its cell.
     */
    public static SimilarityResult fromPrecomputed(Path file, Matrix square) {
        int n = square.rows();
        if (!hasNaN(square.values())) { // nothing excluded: no copy of the n^2 values
            return new SimilarityResult("precomputed", square, java.util.stream.IntStream.range(0, n).toArray(), n);
        }
        boolean[] excluded = new boolean[n];
        for (int i = 0; i < n; i++) {
            excluded[i] = Double.isNaN(square.get(i, i));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean nan = Double.isNaN(square.get(i, j));
                if (nan != (excluded[i] || excluded[j])) {
                    throw new InvalidInputException(file + ": element [" + i + ", " + j + "] is " + square.get(i, j)
                            + "; NaN may only fill whole rows and columns of excluded variables (with NaN on their diagonal)");
                }
            }
        }
        int[] kept = java.util.stream.IntStream.range(0, n).filter(i -> !excluded[i]).toArray();
        if (kept.length == 0) {
            throw new InvalidInputException(file + ": every variable is excluded (all NaN); expected numbers");
        }
        double[] values = new double[kept.length * kept.length];
        for (int a = 0; a < kept.length; a++) {
            for (int b = 0; b < kept.length; b++) {
                values[a * kept.length + b] = square.get(kept[a], kept[b]);
            }
        }
        return new SimilarityResult("precomputed", new Matrix(kept.length, kept.length, values), kept, n);
    }

    private static boolean hasNaN(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
