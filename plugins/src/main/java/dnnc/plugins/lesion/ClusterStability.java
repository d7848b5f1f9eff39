package dnnc.plugins.lesion;

import java.util.ArrayList;
import java.util.List;

/**
 * Which clusters of one clustering come back in another clustering of the same neurons (package-info: stable
 * cluster), and how alike two neuron sets are (Jaccard index).
 */
public final class ClusterStability {
    /** Best-match Jaccard index a cluster needs in every other seed to count as stable: above it the match is unique. */
    public static final double STABLE_JACCARD = 0.5;

    private ClusterStability() {
    }

    /** A cluster of the reference clustering: its label, its size and its best-match Jaccard index in each other clustering. */
    public record Match(int label, int size, double[] jaccards) {
        public boolean stable() {
            return java.util.Arrays.stream(jaccards).allMatch(j -> j >= STABLE_JACCARD);
        }

        public double weakest() {
            return java.util.Arrays.stream(jaccards).min().orElse(Double.NaN);
        }
    }

    /** Every cluster of {@code reference} (labels per neuron, -1 = none), largest first, matched in each of {@code others}. */
    public static List<Match> matches(int[] reference, List<int[]> others) {
        int clusters = java.util.Arrays.stream(reference).max().orElse(-1) + 1;
        List<Match> matches = new ArrayList<>();
        for (int label = 0; label < clusters; label++) {
            int[] members = membersOf(reference, label);
            if (members.length == 0) {
                continue;
            }
            double[] jaccards = new double[others.size()];
            for (int o = 0; o < others.size(); o++) {
                jaccards[o] = bestMatchJaccard(members, others.get(o));
            }
            matches.add(new Match(label, members.length, jaccards));
        }
        matches.sort(java.util.Comparator.comparingInt((Match m) -> -m.size()).thenComparingInt(Match::label));
        return matches;
    }

    /**
     * Jaccard index of {@code members} with the cluster of {@code labels} that shares the most neurons with it (on a
     * tie, the smaller cluster, whose Jaccard index is the larger); 0 when no neuron of it is clustered there.
     */
    public static double bestMatchJaccard(int[] members, int[] labels) {
        java.util.Map<Integer, Integer> overlap = new java.util.TreeMap<>();
        for (int neuron : members) {
            if (labels[neuron] >= 0) {
                overlap.merge(labels[neuron], 1, Integer::sum);
            }
        }
        double best = 0;
        int bestOverlap = 0;
        for (var e : overlap.entrySet()) {
            int size = membersOf(labels, e.getKey()).length;
            double j = (double) e.getValue() / (members.length + size - e.getValue());
            if (e.getValue() > bestOverlap || (e.getValue() == bestOverlap && j > best)) {
                bestOverlap = e.getValue();
                best = j;
            }
        }
        return best;
    }

    /** |a intersect b| / |a union b| of two sets of neuron indices; NaN when both are empty. */
    public static double jaccard(int[] a, int[] b) {
        java.util.Set<Integer> union = new java.util.HashSet<>();
        java.util.Set<Integer> first = new java.util.HashSet<>();
        for (int x : a) {
            first.add(x);
            union.add(x);
        }
        int shared = 0;
        for (int x : b) {
            if (first.contains(x)) {
                shared++;
            }
            union.add(x);
        }
        return union.isEmpty() ? Double.NaN : (double) shared / union.size();
    }

    static int[] membersOf(int[] labels, int label) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == label).toArray();
    }
}
