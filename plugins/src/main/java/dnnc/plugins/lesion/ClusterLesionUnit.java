package dnnc.plugins.lesion;

import dnnc.api.Blackboard;
import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageClassifier;
import dnnc.api.InputSchema;
import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronClustering;
import dnnc.api.NeuronLayout;
import dnnc.api.PluginKind;
import dnnc.api.Progress;
import dnnc.api.Slots;
import dnnc.api.UnitTask;

import java.io.Serializable;
import java.util.Set;

/**
 * The lesion test of one clustering ({@link ClusterLesionTest}): a unit of the lesion stage. It evaluates lesions on
 * the same {@link EvaluationDesign} as the rest of the study, drawn from the design's seed, so where it runs changes
 * no number.
 */
record ClusterLesionUnit(LesionDesign settings, int latent, double[] alphas, NeuronClustering clustering, NeuronLayout layout)
        implements UnitTask<LesionCriterion, ClusterLesionUnit.Tested> {
    /** The test's outcome and how many lesions it evaluated. */
    record Tested(ClusterLesionTest.Outcome outcome, long evaluations) implements Serializable {
    }

    @Override
    public String id() {
        return settings.seed() + "/" + clustering.key().kind().id() + "/" + clustering.key().alphaLabel();
    }

    @Override
    public Set<PluginKind> needs() {
        return Set.of(PluginKind.DATA, PluginKind.MODEL);
    }

    @Override
    public Tested compute(LesionCriterion criterion, Blackboard prepared, Progress progress) {
        ConditionalGenerator model = prepared.get(Slots.MODEL).orElseThrow(() -> new IllegalStateException("a lesion unit needs the model"));
        return test(model.decoder(), new Geometry(model.inputs(), model.imageRows(), model.imageCols()), criterion,
                prepared.get(Slots.JUDGE).orElse(null));
    }

    /** The test on a network given directly. */
    Tested test(NetworkProbe probe, Geometry geometry, LesionCriterion criterion, ImageClassifier judge) {
        EvaluationDesign design = EvaluationDesign.of(geometry.schema(), latent, alphas, settings.draws(), settings.target(),
                LesionStudy.drawsSeed(settings));
        LesionScorer scorer = new LesionScorer(new LesionEngine(probe, design.inputs(), design.rows()), design, criterion, judge,
                geometry.imageRows(), geometry.imageCols());
        ClusterLesionTest.Outcome outcome = new ClusterLesionTest(scorer, settings).run(clustering, layout);
        return new Tested(outcome, scorer.evaluations());
    }

    /** What the lesion engine needs to know of the network besides its probe. */
    record Geometry(InputSchema schema, int imageRows, int imageCols) {
    }
}
