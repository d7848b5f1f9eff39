package dnnc.api;

/** Similarity among the non-constant variables {@code kept} (indices into the {@code variables} columns). */
public record SimilarityResult(String measure, Matrix matrix, int[] kept, int variables) {
}
