package dnnc.plugins.report;

import dnnc.api.ClusterLesion;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.LesionFindings;
import dnnc.api.NeuronClustering;
import dnnc.api.StrokeShare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The study's six findings (METHODS.md section 6) checked on one run. Each rule is fixed in advance and printed beside
 * its verdict; none depends on the outcome it judges. "Partly" always means: the claim holds for some of the cases
 * it is about (a stated share), or for one of its two halves.
 */
final class FindingChecks {
    /** "By far": the leading latent's change is at least this many times the runner-up's. */
    static final double BY_FAR = 2.0;
    /** Finding 2 holds when at least this share of the positive ACE lies on the digit's strokes. */
    static final double STROKE_MAJORITY = 0.5;
    /** ... and partly when the share is at least this many times what uniformly spread effects would give. */
    static final double STROKE_ABOVE_CHANCE = 2.0;
    static final int MIN_CLUSTERS = 5;

    private FindingChecks() {
    }

    /**
     * Finding 1 from each latent's orientation range (degrees) and ink-area ratio (max/min). Scale is compared on
     * log(ratio), so "no change" is 0 for both measures.
     */
    static Finding rotationAndScale(double[] rotationDeg, double[] scaleRatio) {
        String statement = "One latent carries rotation and scale";
        String study = StudyNumbers.LATENT + " (judged by eye from the reconstruction grid)";
        String rule = "the same latent has the largest orientation range and the largest ink-area ratio, each at least "
                + Numbers.sig(BY_FAR) + "x the runner-up's (ratio compared on log scale); partly: the same latent leads "
                + "both but not by that margin, or one measure is led by far";
        if (rotationDeg == null || scaleRatio == null || rotationDeg.length < 2 || rotationDeg.length != scaleRatio.length) {
            return new Finding(1, "rotation_scale", statement, study, "no reconstruction-grid measurements", Verdict.NOT_MEASURED, rule);
        }
        double[] logScale = new double[scaleRatio.length];
        for (int i = 0; i < logScale.length; i++) {
            logScale[i] = Math.log(scaleRatio[i]);
        }
        int rot = argmax(rotationDeg);
        int scale = argmax(logScale);
        boolean rotFar = byFar(rotationDeg, rot);
        boolean scaleFar = byFar(logScale, scale);
        Verdict verdict = rot == scale && rotFar && scaleFar ? Verdict.HOLDS
                : rot == scale || rotFar || scaleFar ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
        String ours = String.format(java.util.Locale.ROOT,
                "z_%d turns the digit by %s deg (runner-up %s deg); z_%d scales its ink area %sx (runner-up %sx)",
                rot, Numbers.fixed(rotationDeg[rot], 1), Numbers.fixed(runnerUp(rotationDeg, rot), 1),
                scale, Numbers.fixed(scaleRatio[scale], 2), Numbers.fixed(Math.exp(runnerUp(logScale, scale)), 2));
        return new Finding(1, "rotation_scale", statement, study, ours, verdict, rule);
    }

    /** Finding 2 from the share of the studied latent's positive ACE that lies on the digit's strokes. */
    static Finding strokes(StrokeShare share) {
        String statement = "That latent's positive ACE lies on the strokes of the target digit";
        String study = "seen in the ACE heatmaps of " + StudyNumbers.LATENT;
        String rule = "pooled over alpha, at least " + Numbers.sig(STROKE_MAJORITY) + " of the positive ACE on the output pixels lies on "
                + "stroke pixels (mean reconstruction at that alpha >= " + (share != null ? Numbers.sig(share.strokeLevel()) : "the stroke level") + "); partly: the share is at least "
                + Numbers.sig(STROKE_ABOVE_CHANCE) + "x the strokes' share of the image";
        if (share == null) {
            return new Finding(2, "ace_on_strokes", statement, study, "no ACE of the studied latent", Verdict.NOT_MEASURED, rule);
        }
        Verdict verdict = share.pooledShare() >= STROKE_MAJORITY ? Verdict.HOLDS
                : share.pooledShare() >= STROKE_ABOVE_CHANCE * share.chance() ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
        String ours = String.format(java.util.Locale.ROOT, "z_%d: %s of its positive ACE on strokes that cover %s of the image (per alpha %s)",
                share.latent(), percent(share.pooledShare()), percent(share.chance()), Numbers.range(share.sharePerAlpha(), 2));
        return new Finding(2, "ace_on_strokes", statement, study, ours, verdict, rule);
    }

    /** Finding 3 from the number of classes whose ACE map correlates best with their own mean image. */
    static Finding classDiagonal(Integer hits, int classes) {
        String statement = "The ACE map of c_k looks like digit k";
        String study = "all ten maps, by eye";
        String rule = "the correlation of ACE(c_k) on the pixels with the mean held-out image of class k is highest at k for every k; "
                + "partly: for more than half of the classes";
        if (hits == null || classes == 0) {
            return new Finding(3, "class_diagonal", statement, study, "no class ACE measured", Verdict.NOT_MEASURED, rule);
        }
        Verdict verdict = Verdict.ofCount(hits, classes, classes / 2 + 1);
        return new Finding(3, "class_diagonal", statement, study, hits + " of " + classes + " classes", verdict, rule);
    }

    /** Finding 4 from every clustering's cluster count (non-converged clusterings count as failing). */
    static Finding clusterCounts(ClusteringSet set) {
        String statement = "Both clusterings give at least " + MIN_CLUSTERS + " clusters at the chosen preference";
        String study = "activation 5-11, ACE 5-9 clusters over alpha";
        String rule = "every clustering (feature kind x alpha) converged with at least " + MIN_CLUSTERS
                + " clusters; partly: at least half of them";
        if (set == null || set.byKey().isEmpty()) {
            return new Finding(4, "clusters", statement, study, "no clusterings", Verdict.NOT_MEASURED, rule);
        }
        int passing = 0;
        List<String> parts = new ArrayList<>();
        for (FeatureKind kind : FeatureKind.values()) {
            List<Integer> counts = new ArrayList<>();
            int notConverged = 0;
            for (NeuronClustering nc : set.byKey().values()) {
                if (nc.key().kind() != kind) {
                    continue;
                }
                if (nc.clustering().converged()) {
                    counts.add(nc.clustering().clusterCount());
                    passing += nc.clustering().clusterCount() >= MIN_CLUSTERS ? 1 : 0;
                } else {
                    notConverged++;
                }
            }
            parts.add(kind.id() + " " + Numbers.range(counts.stream().mapToInt(Integer::intValue).toArray())
                    + (notConverged > 0 ? " (" + notConverged + " not converged)" : ""));
        }
        int total = set.byKey().size();
        Verdict verdict = Verdict.ofCount(passing, total, (total + 1) / 2);
        return new Finding(4, "clusters", statement, study, String.join(", ", parts) + " clusters over alpha; "
                + passing + " of " + total + " clusterings pass", verdict, rule);
    }

    /** Finding 5: a significant important cluster in every clustering. */
    static Finding importantClusters(ClusteringSet set, LesionFindings lesions) {
        String statement = "Each clustering has one important cluster";
        String study = "important neurons " + StudyNumbers.IMPORTANT_ACTIVATION[0] + "-" + StudyNumbers.IMPORTANT_ACTIVATION[1]
                + " (activation), " + StudyNumbers.IMPORTANT_ACE[0] + "-" + StudyNumbers.IMPORTANT_ACE[1] + " (ACE)";
        String rule = "in every clustering the most damaging cluster's lesion is significant against random lesions of the same size "
                + "and layer mix (the lesion step's test); partly: in at least half of them";
        if (set == null || lesions == null || set.byKey().isEmpty()) {
            return new Finding(5, "important", statement, study, "no lesion tests", Verdict.NOT_MEASURED, rule);
        }
        int total = set.byKey().size();
        int passing = 0;
        List<String> parts = new ArrayList<>();
        for (FeatureKind kind : FeatureKind.values()) {
            List<Integer> sizes = new ArrayList<>();
            int keys = 0;
            for (FeatureKey key : set.byKey().keySet()) {
                if (key.kind() != kind) {
                    continue;
                }
                keys++;
                ClusterLesion important = lesions.important().get(key);
                if (important != null) {
                    sizes.add(important.neurons().length);
                }
            }
            passing += sizes.size();
            parts.add(kind.id() + " " + sizes.size() + "/" + keys + " (sizes " + Numbers.range(sizes.stream().mapToInt(Integer::intValue).toArray()) + ")");
        }
        Verdict verdict = Verdict.ofCount(passing, total, (total + 1) / 2);
        return new Finding(5, "important", statement, study, "significant important cluster in " + String.join(", ", parts), verdict, rule);
    }

    /**
     * Finding 6: per alpha, the critical set (C_ACE intersect C_ACT) is non-empty and its lesion fails.
     * {@code fails} says per alpha whether the lesion step judged the set's lesion significant.
     */
    static Finding criticalCluster(LesionFindings lesions, Map<Double, Boolean> fails) {
        String statement = "The critical cluster is non-empty and its lesion fails the reconstruction";
        String study = StudyNumbers.CRITICAL_HIDDEN[0] + "-" + StudyNumbers.CRITICAL_HIDDEN[1] + " hidden neurons of "
                + StudyNumbers.HIDDEN_NEURONS;
        String rule = "at every alpha C_ACE intersect C_ACT is non-empty and its lesion is significant against random lesions "
                + "of the same size and layer mix; partly: at some alpha";
        if (lesions == null || lesions.critical().isEmpty()) {
            return new Finding(6, "critical", statement, study, "no critical sets (no important clusters at any alpha)",
                    lesions == null ? Verdict.NOT_MEASURED : Verdict.DOES_NOT_HOLD, rule);
        }
        int passing = 0;
        List<Integer> hidden = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Double> damages = new ArrayList<>();
        for (CriticalSet c : lesions.critical().values()) {
            boolean failed = c.neurons().length > 0 && fails.getOrDefault(c.alpha(), false);
            if (failed) {
                passing++;
                hidden.add(c.hidden());
                sizes.add(c.neurons().length);
                damages.add(c.damage());
            }
        }
        int total = lesions.critical().size();
        Verdict verdict = Verdict.ofCount(passing, total, 1);
        String ours = passing == 0 ? "no alpha has a non-empty critical set whose lesion fails (of " + total + " alphas)"
                : passing + " of " + total + " alphas: " + Numbers.range(sizes.stream().mapToInt(Integer::intValue).toArray())
                + " neurons, of them " + Numbers.range(hidden.stream().mapToInt(Integer::intValue).toArray()) + " hidden; damage "
                + Numbers.range(damages.stream().mapToDouble(Double::doubleValue).toArray(), 2) + " (" + lesions.criterion() + ")";
        return new Finding(6, "critical", statement, study, ours, verdict, rule);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double runnerUp(double[] values, int leader) {
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (i != leader) {
                second = Math.max(second, values[i]);
            }
        }
        return second;
    }

    static boolean byFar(double[] values, int leader) {
        double second = runnerUp(values, leader);
        return values[leader] > 0 && values[leader] >= BY_FAR * Math.max(second, 0);
    }

    private static String percent(double share) {
        return Numbers.fixed(100 * share, 0) + "%";
    }
}
