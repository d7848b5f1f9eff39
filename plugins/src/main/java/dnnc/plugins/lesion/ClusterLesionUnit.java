package dnnc.plugins.lesion;

import dnnc.api.Blackboard;
import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageClassifier;
import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronClustering;
import dnnc.api.NeuronLayout;
import dnnc.api.PluginKind;
import dnnc.api.ProbedNetwork;
import dnnc.api.Progress;
import dnnc.api.Slots;
import dnnc.api.UnitTask;

import java.io.Serializable;
import java.util.Set;

/**
 * The lesion test of one clustering ({@link ClusterLesionTest}): a unit of the lesion stage. It carries the study's
 * {@link EvaluationDesign} (the rows every lesion is evaluated on), so where it runs changes no number; the network
 * is the run's (the decoder of its model, or the network brought as a file), rebuilt by the worker's preparation.
 */
record ClusterLesionUnit(LesionDesign settings, EvaluationDesign design, NeuronClustering clustering, NeuronLayout layout,
                         int imageRows, int imageCols) implements UnitTask<LesionCriterion, ClusterLesionUnit.Tested> {
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
        NetworkProbe probe = prepared.get(Slots.MODEL).map(ConditionalGenerator::decoder)
                .or(() -> prepared.get(Slots.NETWORK).map(ProbedNetwork::probe))
                .orElseThrow(() -> new IllegalStateException("a lesion unit needs the run's model or network"));
        return test(probe, criterion, prepared.get(Slots.JUDGE).orElse(null));
    }

    /** The test on a network given directly. */
    Tested test(NetworkProbe probe, LesionCriterion criterion, ImageClassifier judge) {
        LesionScorer scorer = new LesionScorer(new LesionEngine(probe, design.inputs(), design.rows()), design, criterion, judge,
                imageRows, imageCols);
        ClusterLesionTest.Outcome outcome = new ClusterLesionTest(scorer, settings).run(clustering, layout);
        return new Tested(outcome, scorer.evaluations());
    }
}
