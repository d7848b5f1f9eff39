package dnnc.plugins.similarity;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Against scipy.stats / NumPy answers on 45 samples x 14 variables with ties, a ReLU-like column and a constant column. */
class SimilarityMeasuresTest {
    private static final Matrix X = Fixtures.matrix("similarity_X.csv");
    private static final int[] KEPT = Fixtures.ints("similarity_kept.csv");

    @Test
    void spearmanEqualsScipy() {
        check(new SpearmanSimilarity(), "similarity_spearman.csv", 1e-12);
    }

    @Test
    void pearsonEqualsNumpyCorrcoef() {
        check(new PearsonSimilarity(), "similarity_pearson.csv", 1e-12);
    }

    @Test
    void cosineEqualsNumpy() {
        check(new CosineSimilarity(), "similarity_cosine.csv", 1e-12);
    }

    @Test
    void negativeSquaredEuclideanEqualsNumpy() {
        check(new NegSquaredEuclideanSimilarity(), "similarity_neg_sq_euclidean.csv", 1e-9);
    }

    @Test
    void kendallTauBEqualsScipy() {
        check(new KendallSimilarity(), "similarity_kendall.csv", 1e-12);
    }

    @Test
    void constantColumnIsLeftOutAndNoNaNRemains() {
        SimilarityResult r = new SpearmanSimilarity().similarity(X);
        assertEquals(13, r.kept().length);
        assertEquals(14, r.variables());
        for (double v : r.matrix().values()) {
            assertEquals(false, Double.isNaN(v));
        }
    }

    @Test
    void averageRanksForTies() {
        double[] column = {3.0, 1.0, 3.0, -0.0, 0.0, 7.0};
        VariableColumns.rankInPlace(column);
        assertArrayEquals(new double[] {4.5, 3.0, 4.5, 1.5, 1.5, 6.0}, column);
    }

    /** Ties, zeros, negatives, and neighbours one ulp apart (equal in the bits the sort key keeps). */
    @Test
    void ranksFromOneSortEqualRanksBySearch() {
        java.util.Random random = new java.util.Random(18);
        for (int trial = 0; trial < 300; trial++) {
            double[] column = new double[1 + random.nextInt(1100)];
            int levels = 1 + random.nextInt(column.length + 1);
            for (int i = 0; i < column.length; i++) {
                double v = (random.nextInt(levels) - levels / 2) * 0.37;
                switch (trial % 3) {
                    case 0 -> column[i] = (float) v + 0.0; // floats, as the study's activations
                    case 1 -> column[i] = v + 0.0;
                    default -> column[i] = v == 0 ? 0.0 : v + random.nextInt(4) * Math.ulp(v); // low-bit neighbours
                }
            }
            double[] bySort = column.clone();
            double[] bySearch = column.clone();
            assertEquals(true, VariableColumns.rankByOneSortInPlace(bySort));
            VariableColumns.rankBySearchInPlace(bySearch);
            assertArrayEquals(bySearch, bySort, "trial " + trial);
        }
        assertEquals(false, VariableColumns.rankByOneSortInPlace(new double[] {0.1, Double.NaN}), "NaN: the search ranks it");
    }

    @Test
    void oneSampleIsRejected() {
        assertThrows(InvalidInputException.class, () -> new SpearmanSimilarity().similarity(new Matrix(1, 3, new double[] {1, 2, 3})));
    }

    private static void check(SimilarityMeasure measure, String expectedFile, double tolerance) {
        SimilarityResult r = measure.similarity(X);
        assertArrayEquals(KEPT, r.kept());
        Matrix expected = Fixtures.matrix(expectedFile);
        assertEquals(expected.rows(), r.matrix().rows());
        double worst = 0;
        for (int i = 0; i < expected.values().length; i++) {
            worst = Math.max(worst, Math.abs(expected.values()[i] - r.matrix().values()[i]));
        }
        assertEquals(0.0, worst, tolerance, measure.name() + " worst deviation");
    }
}
