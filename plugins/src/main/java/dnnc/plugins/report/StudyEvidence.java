package dnnc.plugins.report;

import dnnc.api.AttributionResult;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.CriticalSet;
import dnnc.api.ImageClassifier;
import dnnc.api.LesionFindings;
import dnnc.api.RunContext;
import dnnc.api.Slots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report states, gathered once: the run's slots (model, judge, attribution, clusterings, lesion
 * findings and their repeats) and the numbers earlier steps recorded (the reconstruction grid's shape measurements,
 * the class-map check, the lesion step's verdicts). Any part may be absent when the workflow lacked its step.
 */
record StudyEvidence(ConditionalGenerator model, ImageClassifier judge, AttributionResult attribution,
                     ClusteringSet clusterings, LesionFindings lesions, double[] rotationDeg, double[] scaleRatio,
                     Integer classDiagonalHits, Integer studiedLatent, StrokeShare strokes, Map<Double, Boolean> criticalFails,
                     RepeatabilitySummary repeatability, Map<String, Object> totalEffects, String sensitivitySummary) {

    static StudyEvidence gather(RunContext context, int target, int strokeDraws, long strokeSeed, double significance) {
        ConditionalGenerator model = context.get(Slots.MODEL).orElse(null);
        AttributionResult attribution = context.get(Slots.ATTRIBUTION).orElse(null);
        ClusteringSet clusterings = context.get(Slots.CLUSTERINGS).orElse(null);
        LesionFindings lesions = context.get(Slots.LESIONS).orElse(null);
        Integer studied = clusterings != null ? Integer.valueOf(clusterings.input())
                : number(context.recorded("ace.focus_latent")).map(Number::intValue).orElse(null);
        StrokeShare strokes = model != null && attribution != null && studied != null && !attribution.effects().isEmpty()
                ? StrokeShare.of(model, attribution, studied, target, strokeDraws, strokeSeed).orElse(null) : null;
        Map<Double, Boolean> fails = new LinkedHashMap<>();
        if (lesions != null) {
            for (CriticalSet c : lesions.critical().values()) {
                Optional<Object> recorded = context.recorded("findings.critical." + Numbers.alpha(c.alpha()) + ".fails");
                fails.put(c.alpha(), recorded.map(v -> Boolean.TRUE.equals(v)).orElse(c.pValue() < significance));
            }
        }
        RepeatabilitySummary repeats = RepeatabilitySummary.of(context.history(Slots.CLUSTERINGS), context.history(Slots.LESIONS), significance);
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = context.recorded("ace.total_effect").filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).orElse(Map.of());
        return new StudyEvidence(model, context.get(Slots.JUDGE).orElse(null), attribution, clusterings, lesions,
                numbers(context.recorded("findings.rotation_range_deg")), numbers(context.recorded("findings.scale_range")),
                number(context.recorded("ace.class_diagonal_hits")).map(Number::intValue).orElse(null), studied, strokes, fails,
                repeats, totals, context.recorded("findings.sensitivity").filter(Map.class::isInstance)
                        .map(m -> ((Map<?, ?>) m).get("summary")).map(Object::toString).orElse(null));
    }

    /** The six findings of METHODS.md section 6, in order. */
    List<Finding> findings() {
        int classes = model != null ? model.inputs().classes() : 0;
        return List.of(
                FindingChecks.rotationAndScale(rotationDeg, scaleRatio),
                FindingChecks.strokes(strokes),
                FindingChecks.classDiagonal(classDiagonalHits, classes),
                FindingChecks.clusterCounts(clusterings),
                FindingChecks.importantClusters(clusterings, lesions),
                FindingChecks.criticalCluster(lesions, criticalFails));
    }

    /** The latent the reconstruction grid found turning the digit most, if measured. */
    Optional<Integer> rotationLatent() {
        if (rotationDeg == null || rotationDeg.length == 0) {
            return Optional.empty();
        }
        int best = 0;
        for (int i = 1; i < rotationDeg.length; i++) {
            if (rotationDeg[i] > rotationDeg[best]) {
                best = i;
            }
        }
        return Optional.of(best);
    }

    private static Optional<Number> number(Optional<Object> value) {
        return value.filter(Number.class::isInstance).map(Number.class::cast);
    }

    private static double[] numbers(Optional<Object> value) {
        if (value.isEmpty() || !(value.get() instanceof List<?> list) || !list.stream().allMatch(Number.class::isInstance)) {
            return null;
        }
        return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
