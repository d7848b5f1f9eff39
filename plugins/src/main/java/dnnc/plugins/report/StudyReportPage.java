package dnnc.plugins.report;

import dnnc.api.ClusterLesion;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.NeuronClustering;
import dnnc.api.RunInfo;
import dnnc.api.StrokeShare;
import dnnc.plugins.figures.FigureNames;
import dnnc.plugins.lesion.ClusterStability;
import dnnc.plugins.model.ModelStage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report as the study's story, top to bottom: the question and the verdicts, the model, what each latent does
 * (figure 3.1), the causal effects (3.2-3.4), the clusters (3.5, table 3.1), the lesions (3.6, 3.7, 4.1), the
 * repeats over seeds, and the run itself (parameters, provenance, how to rerun). Figures are the files the
 * earlier steps wrote in the run folder, embedded.
 */
final class StudyReportPage {
    private final Path folder;
    private final RunInfo info;
    private final StudyEvidence evidence;
    private final List<Finding> findings;
    private final int target;
    private final HtmlPage page = new HtmlPage("dnnc study report");

    StudyReportPage(Path folder, RunInfo info, StudyEvidence evidence, List<Finding> findings, int target) {
        this.folder = folder;
        this.info = info;
        this.evidence = evidence;
        this.findings = findings;
        this.target = target;
    }

    String render() {
        introduction();
        findingsTable();
        model();
        latents();
        effects();
        clusters();
        lesions();
        repeatability();
        run();
        return page.render();
    }

    private void introduction() {
        page.heading(1, null, "Is there a small set of neurons the network cannot do without?");
        page.paragraph("lead", "This report reproduces the study on a conditional beta-VAE trained on MNIST. It intervenes on the "
                + "decoder's inputs, estimates the average causal effect (ACE) of each input on every decoder neuron, clusters the "
                + "neurons by their activations and by their per-draw causal effects, and lesions clusters to find a critical set: "
                + "neurons both causally important and structurally coherent, whose removal breaks the drawing of the digit "
                + target + ".");
        long holds = findings.stream().filter(f -> f.verdict() == Verdict.HOLDS).count();
        long partly = findings.stream().filter(f -> f.verdict() == Verdict.PARTLY).count();
        long measured = findings.stream().filter(f -> f.verdict() != Verdict.NOT_MEASURED).count();
        page.paragraph("On this run (" + info.runId() + "), " + holds + " of the study's six findings hold, " + partly
                + " partly, and " + (measured - holds - partly) + " do not" + (measured < 6 ? " (" + (6 - measured)
                + " could not be measured: the workflow lacked their step)" : "") + ". Each verdict follows the rule printed beside it, "
                + "fixed before the run.");
        page.paragraph(answer());
    }

    /** The study's question answered in one sentence from the critical sets. */
    private String answer() {
        var lesions = evidence.lesions();
        if (lesions == null) {
            return "No lesion step ran, so the question is not answered here.";
        }
        CriticalSet best = null;
        int failing = 0;
        for (CriticalSet c : lesions.critical().values()) {
            if (Boolean.TRUE.equals(evidence.criticalFails().get(c.alpha()))) {
                failing++;
                if (best == null || c.damage() > best.damage()) {
                    best = c;
                }
            }
        }
        if (best == null) {
            return "Answer on this run: no. At no alpha did a non-empty intersection of the important activation cluster and the "
                    + "important ACE cluster damage the digit significantly more than random lesions of its size.";
        }
        int hiddenTotal = 0;
        var layout = evidence.clusterings() == null ? null : evidence.clusterings().layout();
        if (layout != null) {
            for (int l = 1; l < layout.layers().size() - 1; l++) {
                hiddenTotal += layout.layers().get(l).size();
            }
        }
        int alphas = lesions.critical().size();
        String verdict = failing == alphas ? "yes, at every alpha" : "at " + failing + " of " + alphas + " alphas only";
        return "Answer on this run: " + verdict + ". Where it is clearest, at alpha " + Numbers.alpha(best.alpha()) + " the critical set has " + best.neurons().length
                + " neurons (" + best.hidden() + " hidden" + (hiddenTotal > 0 ? " of " + hiddenTotal : "") + "); lesioning it gives damage "
                + Numbers.fixed(best.damage(), 2) + " (p = " + Numbers.sig(best.pValue()) + " against random lesions of the same size)"
                + (best.minimalNeurons().length > 0 ? ", and " + best.minimalNeurons().length + " of its neurons suffice to fail" : "") + "."
                + acrossSeeds(best.alpha());
    }

    /** How the critical set fares over the repeated seeds: in how many it fails, and how alike the sets are. */
    private String acrossSeeds(double alpha) {
        RepeatabilitySummary r = evidence.repeatability();
        RepeatabilitySummary.PerAlpha at = r.critical().get(alpha);
        if (r.seeds() < 2 || at == null) {
            return "";
        }
        List<Double> repeated = r.alphas().stream().filter(a -> java.util.Arrays.stream(FeatureKind.values())
                .anyMatch(kind -> r.at(kind, a) != null && r.at(kind, a).clusterCounts().length > 1)).toList();
        long everySeed = repeated.stream().map(a -> r.critical().get(a)).filter(c -> c != null && c.significant() == r.seeds()).count();
        return " Over " + r.seeds() + " seeds it fails at that alpha in " + at.significant() + " of " + r.seeds()
                + (at.pairwiseJaccard().length == 0 ? "" : ", and the seeds' sets share " + Numbers.fixed(100 * mean(at.pairwiseJaccard()), 0)
                + "% of their neurons (mean Jaccard index)") + "; of the " + repeated.size() + " alphas repeated, it fails in every seed at "
                + everySeed + ".";
    }

    private void findingsTable() {
        page.heading(2, "findings", "The study's findings, checked");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(List.of(Integer.toString(f.number()), f.statement(), f.studyNumber(), f.ours(), f.verdict().text(), f.rule()));
            classes.add(f.verdict().cssClass());
        }
        page.table(null, List.of("#", "The study found", "Study", "This run", "Verdict", "Rule"), rows, classes);
    }

    private void model() {
        page.heading(2, "model", "The model and the judge");
        if (evidence.model() == null) {
            page.paragraph("note", "No model step ran.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        evidence.model().metrics().forEach((k, v) -> {
            if (!k.equals("kl_per_latent") && !k.equals("cache_file")) {
                rows.add(List.of("model." + k, format(v)));
            }
        });
        double[] kl = evidence.model().klPerLatent();
        StringBuilder klText = new StringBuilder();
        for (int i = 0; i < kl.length; i++) {
            klText.append(i == 0 ? "" : ", ").append("z_").append(i).append(' ').append(Numbers.sig(kl[i]));
        }
        rows.add(List.of("KL per latent on held-out data (nats)", klText.toString()));
        if (evidence.judge() != null) {
            rows.add(List.of("judge accuracy on held-out digits", Numbers.fixed(100 * evidence.judge().heldOutAccuracy(), 2) + "%"));
        }
        page.paragraph("The KL term's weight beta keeps few latents active: " + ModelStage.activeLatents(kl) + " of " + kl.length + " here (KL above "
                + Numbers.sig(ModelStage.ACTIVE_LATENT_KL) + " nat); the study found one of them carrying rotation and scale. "
                + "The judge, a small CNN trained on the same digits, decides objectively whether a lesioned decoder still draws a "
                + target + ".");
        page.table(null, List.of("quantity", "value"), rows, null);
    }

    private void latents() {
        page.heading(2, "latents", "1. What each latent does");
        Integer rot = evidence.rotationLatent().orElse(null);
        String measured = rot == null ? "" : String.format(Locale.ROOT, " Measured on these images, z_%d turns the digit's principal axis "
                        + "by %s degrees and changes its ink area %sx across alpha.", rot, Numbers.fixed(evidence.rotationDeg()[rot], 1),
                Numbers.fixed(evidence.scaleRatio()[rot], 2));
        page.figure("3.1", png(FigureNames.RECONSTRUCTION_GRID), "The decoder's digit " + target + " with one latent z_i set to alpha "
                + "(rows, -3 at the top) and every other input fixed (columns: the latent changed). A latent the decoder ignores gives "
                + "a column of identical digits; the study's rotation-and-scale latent gives a column where the digit turns and grows."
                + measured, "not drawn: the workflow has no reconstruction-grid report");
        if (rot != null) {
            page.figure("3.1a", gif(FigureNames.reconstructionAnimation(rot)), "z_" + rot + " swept from the smallest to the largest alpha and "
                    + "back (looping): the change the finding is about, as an animation.", "");
        }
        page.figure("3.1b", png(FigureNames.RECONSTRUCTION_ORIENTATION), "Orientation of the digit's principal axis (second image "
                + "moments) against alpha, one line per latent: a flat line is a latent that does not turn the digit.", "");
        page.figure("3.1c", png(FigureNames.RECONSTRUCTION_INK), "Ink area (sum of pixel intensities) against alpha, one line per latent: "
                + "how much each latent grows or shrinks the digit.", "");
        if (evidence.rotationDeg() != null && evidence.scaleRatio() != null) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < evidence.rotationDeg().length; i++) {
                Double total = evidence.totalEffects().get("z_" + i);
                rows.add(List.of("z_" + i, Numbers.fixed(evidence.rotationDeg()[i], 1), Numbers.fixed(evidence.scaleRatio()[i], 2),
                        total != null ? Numbers.sig(total) : "-",
                        evidence.model() == null ? "-" : Numbers.sig(evidence.model().klPerLatent()[i])));
            }
            page.table("Per latent: orientation range and ink-area ratio over alpha (findings.rotation_range_deg, findings.scale_range), "
                            + "total ACE on the pixels (ace.total_effect) and KL",
                    List.of("latent", "orientation range (deg)", "ink area max/min", "total ACE on pixels", "KL (nats)"), rows, null);
        }
    }

    private void effects() {
        page.heading(2, "effects", "2. Causal effects of the inputs");
        Integer z = evidence.studiedLatent();
        page.paragraph("ACE of an input at value alpha on a neuron is E[neuron | do(input = alpha)] minus a baseline (for a latent, the "
                + "mean over the alpha grid; for a class, the other classes in their data proportions), estimated by Monte Carlo with "
                + "the same noise draws for every alpha. Red is a positive effect, blue negative, white none.");
        page.figure("3.2", png(FigureNames.ACE_CLASSES_OUTPUT), "ACE of each class input c_k on the output pixels. If the decoder uses "
                + "the class as the study found, the map of c_k shows the strokes of digit k in red"
                + (evidence.classDiagonalHits() == null ? "." : "; here " + evidence.classDiagonalHits()
                + " of the maps correlate best with their own class's mean image."), "not drawn: no ACE of the class inputs");
        page.figure("3.3", png(FigureNames.ACE_LATENTS_OUTPUT), "ACE of each latent on the output pixels (columns: latent, rows: alpha). "
                + "Latents the decoder ignores stay white; where a latent matters, red marks pixels that setting it to alpha "
                + "brightens compared with its average over the alpha grid, blue pixels it darkens"
                + (z == null ? "." : " (the studied latent is z_" + z + ")."),
                "not drawn: no ACE of the latents");
        if (z != null) {
            page.figure("3.4", png(FigureNames.aceHidden("z_" + z)), "ACE of z_" + z + " on every hidden neuron, one strip per hidden "
                    + "layer (neurons in their order), rows alpha: which hidden neurons the latent drives, and how the pattern flips sign "
                    + "between low and high alpha.", "not drawn: no ACE on the hidden layers");
        }
        StrokeShare s = evidence.strokes();
        if (s != null) {
            List<List<String>> rows = new ArrayList<>();
            for (int a = 0; a < s.alphas().length; a++) {
                rows.add(List.of(Numbers.alpha(s.alphas()[a]), Numbers.fixed(s.sharePerAlpha()[a], 2), Numbers.fixed(s.strokeFraction()[a], 2)));
            }
            page.table("Finding 2: share of z_" + s.latent() + "'s positive ACE on the strokes of the digit drawn at that alpha "
                            + "(pooled " + Numbers.fixed(s.pooledShare(), 2) + "; uniform spread would give " + Numbers.fixed(s.chance(), 2) + ")",
                    List.of("alpha", "positive ACE on strokes", "strokes' share of the image"), rows, null);
        }
    }

    private void clusters() {
        page.heading(2, "clusters", "3. Clusters of neurons");
        if (evidence.clusterings() == null) {
            page.paragraph("note", "No clustering step ran.");
            return;
        }
        var set = evidence.clusterings();
        page.paragraph("For the studied latent z_" + set.input() + " and each alpha, every live decoder neuron is described by its "
                + "values over the Monte Carlo draws: its activations, or its per-draw causal effects. Neurons are compared by "
                + set.measure() + " similarity and grouped by " + set.algorithm() + "; constant neurons (dead units, blank border pixels) "
                + "are set aside. " + (set.byKey().values().stream().anyMatch(nc -> nc.clustering().facts().containsKey("preference"))
                ? "Each alpha is clustered at its own preference, found by bisection, giving the study's granularity of 5 to 11 "
                + "clusters (clusters=study; the automatic choice, clusters=auto, takes the widest stable plateau instead)"
                : "The preference of affinity propagation is chosen automatically, in the middle of the widest range of preferences "
                + "giving a stable number of clusters (the study chose it by hand) on which the clustering of every alpha converges "
                + "(clusters=study takes the study's 5 to 11 clusters per alpha instead)")
                + "; a fit that oscillates is refitted with higher damping (0.7, 0.9, 0.95) and up to 2,000 iterations, each fit equal "
                + "to scikit-learn's with those settings.");
        page.figure("3.5", png(FigureNames.PREFERENCE_SWEEP), "Number of clusters against the affinity-propagation preference (both "
                + "axes logarithmic), swept per feature kind on the middle alpha; gaps are preferences where no fit converged. The "
                + "shaded band is the plateau chosen, the dashed line the preference applied to every alpha, and the dots each "
                + "alpha's number of clusters there.", "not drawn: the clustering did not sweep its preference "
                + "(use affinity-propagation with preference=auto)");
        List<String> failed = new ArrayList<>();
        set.byKey().forEach((key, nc) -> {
            if (!nc.clustering().converged()) {
                failed.add(key.kind().id() + " at alpha " + key.alphaText() + " (" + nc.clustering().facts().getOrDefault("tried",
                        nc.clustering().iterations() + " iterations") + ")");
            }
        });
        if (!failed.isEmpty()) {
            page.paragraph("note", "Did not converge, whatever was tried, so not reported as findings: " + String.join("; ", failed) + ".");
        }
        TreeSet<Double> alphas = new TreeSet<>();
        set.byKey().keySet().forEach(k -> alphas.add(k.alpha()));
        List<List<String>> rows = new ArrayList<>();
        for (double alpha : alphas) {
            int[] study = StudyNumbers.CLUSTERS.get(alpha);
            rows.add(List.of(Numbers.alpha(alpha), count(set.byKey().get(new FeatureKey(FeatureKind.ACTIVATION, alpha))),
                    count(set.byKey().get(new FeatureKey(FeatureKind.ACE, alpha))),
                    study == null ? "-" : Integer.toString(study[0]), study == null ? "-" : Integer.toString(study[1])));
        }
        page.table("Table 3.1: clusters per alpha of z_" + set.input() + " (n.c. = did not converge), beside the study's for its "
                        + StudyNumbers.LATENT, List.of("alpha", "activation (ours)", "ACE (ours)", "activation (study)", "ACE (study)"),
                rows, null);
    }

    private void lesions() {
        page.heading(2, "lesions", "4. Lesions: important clusters and the critical set");
        var lesions = evidence.lesions();
        if (lesions == null) {
            page.paragraph("note", "No lesion step ran.");
            return;
        }
        page.paragraph("A lesion forces the chosen neurons to 0 in every forward pass. The decoder then draws digit " + target
                + " with the studied latent over the alpha grid; the damage is " + damageMeaning(lesions.criterion()) + ". Each "
                + "cluster's damage is compared with random lesions of the same size drawn from the same layers. The important cluster "
                + "of a clustering is its most damaging one if that is significant (C_ACT from activation features, C_ACE from ACE "
                + "features); the critical set is C_ACE intersect C_ACT.");
        double shown = shownAlpha();
        for (FeatureKind kind : FeatureKind.values()) {
            ClusterLesion important = lesions.important().get(new FeatureKey(kind, shown));
            page.figure("3.6" + (kind == FeatureKind.ACTIVATION ? "a" : "b"),
                    png(FigureNames.lesionClusters(kind, shown)),
                    "Reconstructions with each " + (kind == FeatureKind.ACE ? "ACE" : "activation") + "-feature cluster (clustered at alpha "
                            + Numbers.alpha(shown) + ") lesioned, most damaging first; top row intact, columns alpha. "
                            + (important == null ? "No cluster here was significantly more damaging than random lesions."
                            : "The important cluster (" + important.neurons().length + " neurons, " + important.hidden()
                            + " hidden) is marked; damage " + Numbers.fixed(important.damage(), 2) + ", p = " + Numbers.sig(important.pValue()) + ".")
                            + " The same figure for the other alphas is in the run folder.", "not drawn for alpha " + Numbers.alpha(shown));
        }
        page.figure("3.7", png(FigureNames.LESION_CRITICAL), "The critical set of each alpha lesioned (rows), over the alpha grid "
                + "(columns): where the digit " + target + " falls apart, the set is critical. Annotations give its size, hidden neurons, "
                + "damage, p-value against random lesions, the overlap's hypergeometric p-value and the size of the minimal subset "
                + "that still fails.", "not drawn: no alpha had both an important activation cluster and an important ACE cluster");
        page.figure("4.1", png(FigureNames.LESION_SIZES), "Sizes per alpha of C_ACT, C_ACE, their intersection (the critical set) and "
                + "its hidden neurons. The study found " + StudyNumbers.CRITICAL_HIDDEN[0] + "-" + StudyNumbers.CRITICAL_HIDDEN[1]
                + " hidden critical neurons of " + StudyNumbers.HIDDEN_NEURONS + ".", "not drawn: no critical sets");
        page.figure("4.1a", png(FigureNames.lesionNullCritical(shown)), "Damage of the random lesions matched to the "
                + "critical set at alpha " + Numbers.alpha(shown) + " (histogram) and of the critical set itself (red line): how far "
                + "outside chance its lesion lies.", "");
        criticalTable();
        page.figure("4.2", png(FigureNames.LESION_SENSITIVITY_SIZE), "Size of the critical set against the number of clusters, over "
                + "alternative preferences (the run's own clustering among them): how much the answer depends on the clustering's "
                + "granularity. The study's clusterings had " + StudyNumbers.CLUSTERS_RANGE + " clusters."
                + (evidence.sensitivitySummary() == null ? "" : " " + evidence.sensitivitySummary()),
                "not drawn on this run: how the critical set depends on the number of clusters is measured when the study "
                        + "runs with sensitivity=on (./dnnc run sensitivity=on; it re-clusters and re-lesions at other "
                        + "preferences of each sweep).");
        page.figure("4.3", png(FigureNames.LESION_SENSITIVITY_DAMAGE), "Damage of the critical set's lesion against the number of clusters.", "");
    }

    private void criticalTable() {
        if (evidence.lesions().critical().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CriticalSet c : evidence.lesions().critical().values()) {
            rows.add(List.of(Numbers.alpha(c.alpha()), Integer.toString(c.neurons().length), Integer.toString(c.hidden()),
                    Numbers.fixed(c.damage(), 3), Numbers.sig(c.pValue()), Numbers.sig(c.overlapPValue()),
                    Integer.toString(c.minimalNeurons().length), Boolean.TRUE.equals(evidence.criticalFails().get(c.alpha())) ? "yes" : "no"));
        }
        page.table("Critical sets per alpha (findings.critical)", List.of("alpha", "neurons", "hidden", "damage", "p (random lesions)",
                "p (overlap)", "minimal set", "fails"), rows, null);
    }

    private void repeatability() {
        page.heading(2, "repeatability", "5. Does it repeat with other seeds?");
        RepeatabilitySummary r = evidence.repeatability();
        if (r.seeds() < 2) {
            page.paragraph("note", "The analysis ran with one seed only; run with repeats=K (K >= 2) to repeat attribution, clustering "
                    + "and lesions with other seeds and measure their stability.");
            return;
        }
        page.paragraph("The analysis (attribution, similarity, clustering, lesions) ran " + r.seeds() + " times, each with its own seeds "
                + "(new Monte Carlo draws, noise and random lesions), on the same model and with the preference the main analysis chose. "
                + "The adjusted Rand index (ARI) compares two clusterings of the same neurons: 1 is the same partition, 0 what chance "
                + "gives. A cluster of the main analysis is stable when, in every repeat, the cluster sharing the most neurons with it "
                + "has a Jaccard index (shared / all neurons of the two) of at least " + ClusterStability.STABLE_JACCARD
                + ", which makes that match unique. A stable cluster is a finding about the network; an unstable one is noise of the draws.");
        page.figure("5.1", png(FigureNames.REPEATABILITY), "Mean pairwise adjusted Rand index of the seeds' clusterings "
                + "per alpha, activation features beside ACE features.", "");
        List<List<String>> rows = new ArrayList<>();
        for (double alpha : r.alphas()) {
            RepeatabilitySummary.PerClustering act = r.at(FeatureKind.ACTIVATION, alpha);
            RepeatabilitySummary.PerClustering ace = r.at(FeatureKind.ACE, alpha);
            rows.add(List.of(Numbers.alpha(alpha), ari(act), ari(ace), stable(act), stable(ace), importantStable(act), importantStable(ace),
                    act == null ? "-" : Numbers.range(act.clusterCounts()), ace == null ? "-" : Numbers.range(ace.clusterCounts())));
        }
        page.table("Clusterings across " + r.seeds() + " seeds (findings.repeatability; every cluster with its matches: stable-clusters.csv)",
                List.of("alpha", "ARI activation: mean (lowest-highest)", "ARI ACE", "stable clusters activation (neurons)",
                        "stable clusters ACE (neurons)", "C_ACT stable? (lowest Jaccard)", "C_ACE stable?", "clusters activation", "clusters ACE"),
                rows, null);
        List<List<String>> critical = new ArrayList<>();
        r.critical().forEach((alpha, c) -> critical.add(List.of(Numbers.alpha(alpha), Numbers.range(c.sizes()), Numbers.range(c.hidden()),
                failsPerSeed(c), c.pairwiseJaccard().length == 0 ? "-" : Numbers.fixed(mean(c.pairwiseJaccard()), 2) + " ("
                        + Numbers.fixed(java.util.Arrays.stream(c.pairwiseJaccard()).min().orElseThrow(), 2) + ")")));
        if (!critical.isEmpty()) {
            page.table("The critical set across seeds: does it fail in each seed, and is it the same set?", List.of("alpha", "size",
                    "hidden", "fails (main, repeats)", "Jaccard of the seeds' sets: mean (lowest)"), critical, null);
        }
    }

    private static String ari(RepeatabilitySummary.PerClustering c) {
        if (c == null || c.pairwiseAri().length == 0) {
            return "-";
        }
        return Numbers.fixed(c.ari(), 2) + " (" + Numbers.fixed(java.util.Arrays.stream(c.pairwiseAri()).min().orElseThrow(), 2) + "-"
                + Numbers.fixed(java.util.Arrays.stream(c.pairwiseAri()).max().orElseThrow(), 2) + ")";
    }

    private static String stable(RepeatabilitySummary.PerClustering c) {
        if (c == null || c.matches().isEmpty()) {
            return "-";
        }
        return c.stableClusters() + " of " + c.matches().size() + " (" + c.stableNeurons() + ")";
    }

    private static String importantStable(RepeatabilitySummary.PerClustering c) {
        if (c == null || c.important() == null) {
            return "-";
        }
        return (c.important().stable() ? "yes" : "no") + " (" + Numbers.fixed(c.important().weakest(), 2) + ")";
    }

    private static String failsPerSeed(RepeatabilitySummary.PerAlpha c) {
        List<String> each = new ArrayList<>();
        for (boolean f : c.fails()) {
            each.add(f ? "yes" : "no");
        }
        return c.significant() + "/" + c.present() + " (" + String.join(", ", each) + ")";
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private void run() {
        RunSection.append(page, folder, info);
    }

    /** The alpha whose lesion figures are shown: the one whose failing critical set did most damage, else the first. */
    private double shownAlpha() {
        var lesions = evidence.lesions();
        double best = Double.NaN;
        double bestDamage = Double.NEGATIVE_INFINITY;
        for (CriticalSet c : lesions.critical().values()) {
            if (Boolean.TRUE.equals(evidence.criticalFails().get(c.alpha())) && c.damage() > bestDamage) {
                best = c.alpha();
                bestDamage = c.damage();
            }
        }
        if (!Double.isNaN(best)) {
            return best;
        }
        return evidence.clusterings() == null || evidence.clusterings().byKey().isEmpty() ? 0
                : evidence.clusterings().byKey().keySet().iterator().next().alpha();
    }

    private Path png(String figure) {
        return folder.resolve(FigureNames.png(figure));
    }

    private Path gif(String figure) {
        return folder.resolve(FigureNames.gif(figure));
    }

    private static String count(NeuronClustering nc) {
        if (nc == null) {
            return "-";
        }
        return nc.clustering().converged() ? Integer.toString(nc.clustering().clusterCount()) : "n.c.";
    }

    private static String damageMeaning(String criterion) {
        return switch (criterion) {
            case "judge" -> "the share of reconstructions the judge no longer classifies as the target digit (failure rate)";
            case "pixel-bce" -> "the mean pixel binary cross-entropy of the lesioned reconstruction against the intact one";
            default -> "measured by the '" + criterion + "' criterion";
        };
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return Numbers.sig(d);
        }
        if (value instanceof double[] a) {
            return java.util.Arrays.stream(a).mapToObj(Numbers::sig).reduce((x, y) -> x + ", " + y).orElse("");
        }
        if (value instanceof List<?> list && list.size() > 8 && list.stream().allMatch(Number.class::isInstance)) {
            // a curve (e.g. loss per epoch): where it started, where it ended, how many points
            return format(list.get(0)) + " -> " + format(list.get(list.size() - 1)) + " (" + list.size() + " values, first to last)";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StudyReportPage::format).reduce((x, y) -> x + ", " + y).orElse("");
        }
        if (value instanceof Map<?, ?> map) {
            return map.toString();
        }
        return String.valueOf(value);
    }

}
