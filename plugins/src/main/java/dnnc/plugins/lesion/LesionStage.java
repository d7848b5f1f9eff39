package dnnc.plugins.lesion;

import dnnc.api.AttributionResult;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageClassifier;
import dnnc.api.ImageSet;
import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.PluginKind;
import dnnc.api.ProbedNetwork;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.SeedRule;
import dnnc.api.Slots;
import dnnc.api.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * Lesion step: reads the model (decoder probe and input schema), the clusterings (their input is the studied
 * latent, their alphas the grid) and the judge when the criterion needs it; finds the important cluster of every
 * clustering and the critical set per alpha; puts {@link Slots#LESIONS}, records {@code findings.important.*},
 * {@code findings.critical.*} and writes the figures and CSVs. With {@code seeds} > 1 it repeats the lesion
 * analysis with independent lesion seeds on the same clusterings and records the ranges; when the run repeats
 * the whole analysis (attribution and clustering with other seeds), it records clustering ARI and critical-set
 * ranges over the repeats ({@code findings.repeatability.*}).
 */
public final class LesionStage implements Stage<LesionCriterion> {
    @Override
    public PluginKind kind() {
        return PluginKind.LESION;
    }

    @Override
    public void run(LesionCriterion criterion, RunContext context) {
        String who = "lesion step '" + criterion.name() + "'";
        if (context.get(Slots.MODEL).isEmpty() && context.get(Slots.NETWORK).isPresent()) {
            report(criterion, context, networkStudies(criterion, context, who));
            return;
        }
        ConditionalGenerator model = context.require(Slots.MODEL, who);
        ClusteringSet clusterings = context.require(Slots.CLUSTERINGS, who);
        ImageClassifier judge = criterion.needsJudge() ? context.require(Slots.JUDGE, who) : context.get(Slots.JUDGE).orElse(null);
        AttributionResult attribution = context.get(Slots.ATTRIBUTION).orElse(null);
        LesionDesign settings = criterion.design(context.seed());
        if (settings.target() >= model.inputs().classes()) {
            throw new InvalidInputException("parameter 'target' of lesion plugin '" + criterion.name() + "' is "
                    + settings.target() + "; the model has classes 0.." + (model.inputs().classes() - 1));
        }
        if (!model.inputs().isLatent(clusterings.input())) {
            throw new InvalidInputException(who + " needs clusterings of a latent input; got input "
                    + model.inputs().label(clusterings.input()));
        }
        report(criterion, context, runSeeds(context, clusterings, attribution, new LesionStudy(model.decoder(), model.inputs(),
                model.imageRows(), model.imageCols(), criterion, judge, settings)));
    }

    /** A network brought as a file: lesions evaluated on rows of its data set, as they are (docs/METHODS.md section 7). */
    private List<LesionStudy.Result> networkStudies(LesionCriterion criterion, RunContext context, String who) {
        ProbedNetwork network = context.require(Slots.NETWORK, who);
        ClusteringSet clusterings = context.require(Slots.CLUSTERINGS, who);
        LabeledData data = context.require(Slots.DATA, who);
        ImageSet rows = data.heldOut();
        if (criterion.needsLabels() && data.classCount() == 0) {
            throw new InvalidInputException("lesion criterion '" + criterion.name() + "' needs labelled rows; " + data.source()
                    + " has no labels (give the data step labels=y.npy, or use criterion agreement)");
        }
        if (criterion.needsJudge()) {
            throw new InvalidInputException("lesion criterion '" + criterion.name() + "' judges the study's decoder; for a network "
                    + "use accuracy, agreement or output-distance");
        }
        LesionStudy.DesignSource designs = (c, alphas, s) -> EvaluationDesign.ofRows(rows.pixels(), rows.labels(), rows.count(),
                rows.pixelsPerImage(), s.draws(), SeedRule.derive(s.seed(), "rows"));
        LesionDesign settings = criterion.design(context.seed());
        return runSeeds(context, clusterings, context.get(Slots.ATTRIBUTION).orElse(null),
                new LesionStudy(network.probe(), designs, 0, 0, criterion, null, settings));
    }

    /** The study with its settings' seed, then with {@code seeds - 1} independent lesion seeds. */
    private static List<LesionStudy.Result> runSeeds(RunContext context, ClusteringSet clusterings, AttributionResult attribution,
                                                     LesionStudy study) {
        LesionDesign settings = study.settings();
        if (settings.testedClusters() / (settings.randomLesions() + 1.0) >= settings.significance()) {
            context.recorder().warning("lesion: with " + settings.randomLesions() + " random lesions and Holm over "
                    + settings.testedClusters() + " tested clusters no cluster can reach p < " + settings.significance()
                    + "; raise random-lesions above " + (int) Math.ceil(settings.testedClusters() / settings.significance()));
        }
        List<LesionStudy.Result> perSeed = new ArrayList<>();
        try (Progress progress = context.progress("lesion", settings.seeds() * LesionStudy.progressUnits(clusterings), "clusterings")) {
            for (int k = 0; k < settings.seeds(); k++) {
                LesionDesign seeded = k == 0 ? settings : settings.withSeed(SeedRule.derive(settings.seed(), "repeat", k));
                perSeed.add(study.withSettings(seeded).run(clusterings, attribution, progress, context.units()));
            }
        }
        return perSeed;
    }

    private static void report(LesionCriterion criterion, RunContext context, List<LesionStudy.Result> perSeed) {
        double significance = criterion.design(context.seed()).significance();
        LesionStudy.Result main = perSeed.get(0);
        context.put(Slots.LESIONS, main.findings());
        context.put(Slots.LESION_CRITERION, criterion);
        LesionReport report = new LesionReport(context, main, criterion.passFail());
        report.recordResults();
        report.writeFiles();
        if (perSeed.size() > 1) {
            Repeatability.recordRanges(context.recorder(), "findings.repeatability.lesion_seeds",
                    perSeed.stream().map(LesionStudy.Result::findings).toList(), significance);
        }
        Repeatability.recordRunRepeats(context, significance);
    }
}
