package dnnc.api;

import java.util.List;
import java.util.Map;

/** Every cluster lesion, the important cluster per clustering (absent when none is significant), the critical sets. */
public record LesionFindings(String criterion, List<ClusterLesion> clusterLesions,
                             Map<FeatureKey, ClusterLesion> important, Map<Double, CriticalSet> critical) {
}
