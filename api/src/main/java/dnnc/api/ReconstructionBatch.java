package dnnc.api;

/** Lesioned and intact reconstructions of the same decoder inputs, row-major count x pixels. */
public record ReconstructionBatch(float[] lesioned, float[] intact, int count, int rows, int cols, int targetClass,
                                  ImageClassifier judge) {
}
