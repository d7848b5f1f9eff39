package dnnc.plugins.lesion;

import dnnc.api.SeedRule;
import dnnc.api.AttributionResult;
import dnnc.api.ClusterLesion;
import dnnc.api.ClusteringSet;
import dnnc.api.CriticalSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.ImageClassifier;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.LesionCriterion;
import dnnc.api.LesionDesign;
import dnnc.api.LesionFindings;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronClustering;
import dnnc.api.Progress;
import dnnc.api.WorkUnit;
import dnnc.api.WorkUnits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lesion part of the study for one set of clusterings of the decoder's neurons (METHODS.md section 5): the
 * important cluster of every clustering, then the critical set C_ACE intersect C_ACT at every alpha. All lesions
 * are evaluated on one {@link EvaluationDesign} drawn fresh from the settings' seed.
 */
public final class LesionStudy {
    /** The study's knobs; see {@link LesionSettings} for their meaning and defaults. */
    /** Everything found, plus the details figures and tables need. */
    public record Result(LesionFindings findings, EvaluationDesign design, int imageRows, int imageCols, float[] intactExamples,
                         Map<FeatureKey, ClusterLesionTest.Outcome> clusterings,
                         Map<Double, CriticalSetSearch.Outcome> critical, long evaluations) {
    }

    /** The rows every lesion of a study is evaluated on, for the clusterings' alphas and the study's settings. */
    public interface DesignSource {
        EvaluationDesign design(ClusteringSet clusterings, double[] alphas, LesionDesign settings);
    }

    private final NetworkProbe probe;
    private final DesignSource designs;
    private final int imageRows;
    private final int imageCols;
    private final LesionCriterion criterion;
    private final ImageClassifier judge;
    private final LesionDesign settings;

    /** The study's decoder: draws of the latents with do(studied latent = alpha) for every alpha of the clusterings. */
    public LesionStudy(NetworkProbe probe, InputSchema schema, int imageRows, int imageCols, LesionCriterion criterion,
                       ImageClassifier judge, LesionDesign settings) {
        this(probe, (clusterings, alphas, s) -> EvaluationDesign.of(schema, clusterings.input(), alphas, s.draws(),
                s.target(), SeedRule.derive(s.seed(), "draws")), imageRows, imageCols, criterion, judge, settings);
    }

    /** Any network, on the rows {@code designs} gives; {@code imageRows} and {@code imageCols} 0 when its outputs are no images. */
    public LesionStudy(NetworkProbe probe, DesignSource designs, int imageRows, int imageCols, LesionCriterion criterion,
                       ImageClassifier judge, LesionDesign settings) {
        this.probe = probe;
        this.designs = designs;
        this.imageRows = imageRows;
        this.imageCols = imageCols;
        this.criterion = criterion;
        this.judge = judge;
        this.settings = settings;
    }

    public LesionDesign settings() {
        return settings;
    }

    /** The same study with other settings (e.g. another seed). */
    public LesionStudy withSettings(LesionDesign other) {
        return new LesionStudy(probe, designs, imageRows, imageCols, criterion, judge, other);
    }

    /** The distinct alphas of a clustering set, increasing. */
    public static double[] alphas(ClusteringSet clusterings) {
        return clusterings.byKey().keySet().stream().mapToDouble(FeatureKey::alpha).distinct().sorted().toArray();
    }

    public Result run(ClusteringSet clusterings, AttributionResult attribution, Progress progress) {
        return run(clusterings, attribution, progress, null);
    }

    /**
     * The study with the lesion test of each clustering computed as a unit by {@code units} (in this thread when
     * null, on this study's network); the critical sets are searched here.
     */
    public Result run(ClusteringSet clusterings, AttributionResult attribution, Progress progress, WorkUnits units) {
        double[] alphas = alphas(clusterings);
        EvaluationDesign design = designs.design(clusterings, alphas, settings);
        LesionEngine engine = new LesionEngine(probe, design.inputs(), design.rows());
        LesionScorer scorer = new LesionScorer(engine, design, criterion, judge, imageRows, imageCols);
        float[] intactExamples = scorer.score(Lesion.none()).examples();

        List<FeatureKey> keys = new ArrayList<>(clusterings.byKey().keySet());
        keys.sort(Comparator.comparing((FeatureKey k) -> k.kind()).thenComparingDouble(FeatureKey::alpha));
        List<ClusterLesionUnit> tests = keys.stream().map(key -> new ClusterLesionUnit(settings, design,
                clusterings.byKey().get(key), clusterings.layout(), imageRows, imageCols)).toList();
        List<ClusterLesionUnit.Tested> tested;
        if (units == null) {
            tested = new ArrayList<>();
            for (ClusterLesionUnit unit : tests) {
                tested.add(unit.test(probe, criterion, judge));
                progress.advance(1);
            }
        } else {
            tested = units.compute(tests.stream().<WorkUnit<?, ClusterLesionUnit.Tested>>map(unit -> new WorkUnit<>(criterion, unit)).toList(),
                    progress);
        }
        Map<FeatureKey, ClusterLesionTest.Outcome> outcomes = new LinkedHashMap<>();
        long unitEvaluations = 0;
        for (ClusterLesionUnit.Tested t : tested) {
            outcomes.put(t.outcome().key(), t.outcome());
            unitEvaluations += t.evaluations();
        }

        Map<Double, CriticalSetSearch.Outcome> critical = new TreeMap<>();
        CriticalSetSearch search = new CriticalSetSearch(scorer, settings, clusterings.layout());
        for (double alpha : alphas) {
            NeuronClustering act = clusterings.byKey().get(new FeatureKey(FeatureKind.ACTIVATION, alpha));
            NeuronClustering ace = clusterings.byKey().get(new FeatureKey(FeatureKind.ACE, alpha));
            if (act == null || ace == null) {
                continue;
            }
            TestedLesion cAct = outcomes.get(act.key()).important();
            TestedLesion cAce = outcomes.get(ace.key()).important();
            critical.put(alpha, search.run(alpha, settings.inScope(act.labels(), clusterings.layout()),
                    settings.inScope(ace.labels(), clusterings.layout()),
                    cAct == null ? new int[0] : cAct.neurons(), cAce == null ? new int[0] : cAce.neurons(),
                    aceMagnitude(attribution, clusterings.input(), alpha, clusterings.layout().total())));
            progress.advance(1);
        }
        return new Result(findings(outcomes, critical), design, imageRows, imageCols, intactExamples, outcomes, critical, scorer.evaluations() + unitEvaluations);
    }

    /** Units of progress {@link #run} reports: one per clustering and one per alpha. */
    public static long progressUnits(ClusteringSet clusterings) {
        return clusterings.byKey().size() + alphas(clusterings).length;
    }

    private LesionFindings findings(Map<FeatureKey, ClusterLesionTest.Outcome> outcomes,
                                    Map<Double, CriticalSetSearch.Outcome> critical) {
        List<ClusterLesion> all = new ArrayList<>();
        Map<FeatureKey, ClusterLesion> important = new LinkedHashMap<>();
        for (ClusterLesionTest.Outcome o : outcomes.values()) {
            for (TestedLesion t : o.byDamage()) {
                ClusterLesion cl = new ClusterLesion(o.key(), t.cluster(), t.neurons(), t.hidden(), t.damage(),
                        t.adjustedP(), t.randomDamages());
                all.add(cl);
                if (t == o.important()) {
                    important.put(o.key(), cl);
                }
            }
        }
        Map<Double, CriticalSet> sets = new TreeMap<>();
        critical.forEach((alpha, c) -> sets.put(alpha, new CriticalSet(alpha, c.neurons(), c.hidden(),
                c.scored() == null ? Double.NaN : c.scored().damage(), c.pValue(), c.overlapPValue(), c.minimal(), c.fails())));
        return new LesionFindings(criterion.name(), all, important, sets);
    }

    /** |ACE| of every neuron for the studied input at alpha, or null when the attribution does not have it. */
    static double[] aceMagnitude(AttributionResult attribution, int input, double alpha, int neurons) {
        if (attribution == null || attribution.effects() == null) {
            return null;
        }
        for (InputEffect effect : attribution.effects()) {
            if (effect.input() != input) {
                continue;
            }
            for (int v = 0; v < effect.values().length; v++) {
                if (effect.values()[v] == alpha && effect.ace()[v].length == neurons) {
                    return Arrays.stream(effect.ace()[v]).map(Math::abs).toArray();
                }
            }
        }
        return null;
    }
}
