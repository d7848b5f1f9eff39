package dnnc.api;

/** Plugin kind "clustering": groups variables given their pairwise similarity. */
public interface ClusteringAlgorithm extends Plugin {
    Clustering cluster(Matrix similarity, long seed, Progress progress);

    /**
     * This algorithm, configured alike, clustering at the given preference (affinity propagation's granularity):
     * how the lesion sensitivity re-clusters along a preference sweep. Empty for algorithms without one.
     */
    default java.util.Optional<ClusteringAlgorithm> atPreference(double preference) {
        return java.util.Optional.empty();
    }

    /**
     * Settles settings that are chosen from data (affinity propagation's preference by a sweep) once, on a
     * representative of related matrices (the same features at other alphas), and returns the algorithm to
     * apply to all of them with those settings fixed. Comparable partitions across the group, and one sweep
     * instead of one per matrix. Algorithms with nothing to settle return themselves. The clustering stage
     * calibrates its groups (one per feature kind) at once, each on a thread of its own, on this one instance.
     */
    default Calibration calibrate(Matrix representative, long seed, Progress progress) {
        return new Calibration(this, null);
    }

    /**
     * The algorithm with its settings fixed, and the sweep that fixed them (null when none was made).
     * {@code fallbacks}: the next best settings in order, for when a matrix of the group does not converge with
     * these (the stage applies the first with which every matrix converges).
     */
    record Calibration(ClusteringAlgorithm algorithm, PreferenceSweep sweep, java.util.List<Calibration> fallbacks) {
        public Calibration {
            fallbacks = java.util.List.copyOf(fallbacks);
        }

        public Calibration(ClusteringAlgorithm algorithm, PreferenceSweep sweep) {
            this(algorithm, sweep, java.util.List.of());
        }
    }
}
