package dnnc.api;

/** How the critical set depends on the number of clusters, over alternative clusterings: one sentence for a reader. */
public record SensitivitySummary(String text) {
}
