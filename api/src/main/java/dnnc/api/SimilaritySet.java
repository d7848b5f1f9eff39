package dnnc.api;

import java.util.Map;

/** The study's similarity matrices, one per feature kind and alpha of the studied input. */
public record SimilaritySet(String measure, int input, Map<FeatureKey, SimilarityResult> byKey) {
}
