package dnnc.plugins.clustering;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;

/**
 * Average-linkage (UPGMA) hierarchical clustering by the nearest-neighbour chain, O(n^2) time on a full
 * distance matrix (average linkage is reducible, so the chain finds exactly the greedy dendrogram's merges).
 */
final class AverageLinkage {
    private AverageLinkage() {
    }

    record Merge(int a, int b, double height) {
    }

    /** Merges of the dendrogram, ordered by height; {@code distance} (row-major n x n) is consumed. */
    static Merge[] dendrogram(double[] distance, int n) {
        int[] size = new int[n];
        Arrays.fill(size, 1);
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        Merge[] merges = new Merge[Math.max(n - 1, 0)];
        int done = 0;
        Deque<Integer> chain = new ArrayDeque<>();
        while (done < n - 1) {
            if (chain.isEmpty()) {
                int first = 0;
                while (!active[first]) {
                    first++;
                }
                chain.push(first);
            }
            int a = chain.pop();
            Integer previous = chain.peek();
            int b = -1;
            double best = Double.POSITIVE_INFINITY;
            if (previous != null) {
                b = previous;
                best = distance[a * n + previous];
            }
            for (int x = 0; x < n; x++) {
                if (active[x] && x != a && distance[a * n + x] < best) {
                    best = distance[a * n + x];
                    b = x;
                }
            }
            if (previous != null && b == previous) {
                chain.pop();
                merges[done++] = new Merge(Math.min(a, b), Math.max(a, b), best);
                join(distance, n, size, active, Math.min(a, b), Math.max(a, b));
            } else {
                chain.push(a);
                chain.push(b);
            }
        }
        Arrays.sort(merges, Comparator.comparingDouble(Merge::height));
        return merges;
    }

    private static void join(double[] d, int n, int[] size, boolean[] active, int keep, int gone) {
        double total = size[keep] + size[gone];
        for (int x = 0; x < n; x++) {
            if (active[x] && x != keep && x != gone) {
                double merged = (size[keep] * d[keep * n + x] + size[gone] * d[gone * n + x]) / total;
                d[keep * n + x] = merged;
                d[x * n + keep] = merged;
            }
        }
        size[keep] += size[gone];
        active[gone] = false;
    }

    /** Applies merges in height order until {@code clusters} remain or the next merge is higher than {@code maxHeight}. */
    static int[] cut(Merge[] merges, int n, int clusters, double maxHeight) {
        int[] parent = new int[n];
        Arrays.setAll(parent, i -> i);
        int remaining = n;
        for (Merge m : merges) {
            if (remaining <= clusters || m.height() > maxHeight) {
                break;
            }
            parent[find(parent, m.b())] = find(parent, m.a());
            remaining--;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = find(parent, i);
        }
        return ClusterLabels.compact(labels);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
