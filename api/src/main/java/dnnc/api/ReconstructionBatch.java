package dnnc.api;

/**
 * Lesioned and intact outputs of the same network inputs, row-major count x outputs (a decoder's reconstructions:
 * rows x cols pixels); {@code labels} is each row's class when the rows come from a labelled data set, else null.
 */
public record ReconstructionBatch(float[] lesioned, float[] intact, int count, int rows, int cols, int targetClass,
                                  ImageClassifier judge, int[] labels) {
    public ReconstructionBatch(float[] lesioned, float[] intact, int count, int rows, int cols, int targetClass, ImageClassifier judge) {
        this(lesioned, intact, count, rows, cols, targetClass, judge, null);
    }

    /** Output values per row. */
    public int width() {
        return count == 0 ? 0 : lesioned.length / count;
    }
}
