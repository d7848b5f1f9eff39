package dnnc.plugins.lesion;

import dnnc.api.AttributionResult;
import dnnc.api.ClusteringSet;
import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageClassifier;
import dnnc.api.InvalidInputException;
import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.PluginKind;
import dnnc.api.Progress;
import dnnc.api.RunContext;
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
        if (settings.testedClusters() / (settings.randomLesions() + 1.0) >= settings.significance()) {
            context.recorder().warning("lesion: with " + settings.randomLesions() + " random lesions and Holm over "
                    + settings.testedClusters() + " tested clusters no cluster can reach p < " + settings.significance()
                    + "; raise random-lesions above " + (int) Math.ceil(settings.testedClusters() / settings.significance()));
        }
        List<LesionStudy.Result> perSeed = new ArrayList<>();
        try (Progress progress = context.progress("lesion", settings.seeds() * LesionStudy.progressUnits(clusterings), "clusterings")) {
            for (int k = 0; k < settings.seeds(); k++) {
                LesionDesign seeded = k == 0 ? settings : settings.withSeed(Seeds.derive(settings.seed(), "repeat", k));
                perSeed.add(new LesionStudy(model.decoder(), model.inputs(), model.imageRows(), model.imageCols(),
                        criterion, judge, seeded).run(clusterings, attribution, progress));
            }
        }
        LesionStudy.Result main = perSeed.get(0);
        context.put(Slots.LESIONS, main.findings());
        context.put(Slots.LESION_CRITERION, criterion);
        LesionReport report = new LesionReport(context, main, criterion.passFail());
        report.recordResults();
        report.writeFiles();
        if (perSeed.size() > 1) {
            Repeatability.recordRanges(context.recorder(), "findings.repeatability.lesion_seeds",
                    perSeed.stream().map(LesionStudy.Result::findings).toList(), settings.significance());
        }
        Repeatability.recordRunRepeats(context, settings.significance());
    }
}
