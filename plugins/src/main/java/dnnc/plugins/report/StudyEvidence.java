package dnnc.plugins.report;

import dnnc.api.AttributionResult;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.CriticalSet;
import dnnc.api.EffectSummary;
import dnnc.api.ImageClassifier;
import dnnc.api.LatentShapes;
import dnnc.api.LesionFindings;
import dnnc.api.RunContext;
import dnnc.api.SensitivitySummary;
import dnnc.api.Slots;
import dnnc.api.StrokeShare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report states, gathered once from the run's slots: model, judge, attribution and its summary,
 * the latents' shape measurements, clusterings, lesion findings (with their verdicts) and their repeats, and the
 * lesion sensitivity. Any part may be absent when the workflow lacked its step.
 */
record StudyEvidence(ConditionalGenerator model, ImageClassifier judge, AttributionResult attribution,
                     ClusteringSet clusterings, LesionFindings lesions, double[] rotationDeg, double[] scaleRatio,
                     Integer classDiagonalHits, Integer studiedLatent, StrokeShare strokes, Map<Double, Boolean> criticalFails,
                     RepeatabilitySummary repeatability, Map<String, Double> totalEffects, String sensitivitySummary) {

    static StudyEvidence gather(RunContext context, double significance) {
        ConditionalGenerator model = context.get(Slots.MODEL).orElse(null);
        AttributionResult attribution = context.get(Slots.ATTRIBUTION).orElse(null);
        ClusteringSet clusterings = context.get(Slots.CLUSTERINGS).orElse(null);
        LesionFindings lesions = context.get(Slots.LESIONS).orElse(null);
        EffectSummary effects = context.get(Slots.EFFECT_SUMMARY).orElse(new EffectSummary(null, Map.of(), null));
        Optional<LatentShapes> shapes = context.get(Slots.LATENT_SHAPES);
        Integer studied = clusterings != null ? Integer.valueOf(clusterings.input()) : effects.focusLatent();
        Map<Double, Boolean> fails = new LinkedHashMap<>();
        if (lesions != null) {
            for (CriticalSet c : lesions.critical().values()) {
                fails.put(c.alpha(), c.fails());
            }
        }
        RepeatabilitySummary repeats = RepeatabilitySummary.of(context.history(Slots.CLUSTERINGS), context.history(Slots.LESIONS), significance);
        return new StudyEvidence(model, context.get(Slots.JUDGE).orElse(null), attribution, clusterings, lesions,
                shapes.map(LatentShapes::rotationRangeDeg).orElse(null), shapes.map(LatentShapes::scaleRatio).orElse(null),
                effects.classDiagonalHits(), studied, context.get(Slots.STROKE_SHARE).orElse(null), fails,
                repeats, effects.totalEffects(), context.get(Slots.SENSITIVITY).map(SensitivitySummary::text).orElse(null));
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

}
