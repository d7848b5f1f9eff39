package dnnc.plugins.report;

import java.util.Map;

/** The published study's own numbers (METHODS.md section 6), set beside ours in the report. Data, not results. */
final class StudyNumbers {
    /** The latent the study analysed, in its own model's numbering. */
    static final String LATENT = "z_1";
    /** Clusters per alpha of z_1: {activation, ACE} (the study's table 3.1). */
    static final Map<Double, int[]> CLUSTERS = Map.of(
            -3.0, new int[] {8, 9}, -2.0, new int[] {8, 8}, -1.0, new int[] {9, 9}, 0.0, new int[] {11, 6},
            1.0, new int[] {10, 9}, 2.0, new int[] {5, 8}, 3.0, new int[] {7, 5});
    /** The smallest and largest count of that table, as text. */
    static final String CLUSTERS_RANGE = CLUSTERS.values().stream().flatMapToInt(java.util.Arrays::stream).min().orElseThrow() + "-"
            + CLUSTERS.values().stream().flatMapToInt(java.util.Arrays::stream).max().orElseThrow();
    static final int[] IMPORTANT_ACTIVATION = {65, 650};
    static final int[] IMPORTANT_ACE = {114, 895};
    static final int[] CRITICAL_HIDDEN = {4, 21};
    static final int HIDDEN_NEURONS = 896;

    private StudyNumbers() {
    }
}
