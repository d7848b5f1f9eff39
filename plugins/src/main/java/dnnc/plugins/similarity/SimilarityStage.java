package dnnc.plugins.similarity;

import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.Matrix;
import dnnc.api.PluginKind;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.SampleFeatures;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;
import dnnc.api.SimilaritySet;
import dnnc.api.Slots;
import dnnc.api.Stage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One similarity per (feature kind, alpha) of the studied input: reads {@link Slots#FEATURES}, leaves a
 * {@link SimilaritySet} in {@link Slots#SIMILARITIES} (the measure in {@link Slots#SIMILARITY_MEASURE}) and records how many neurons were constant (excluded)
 * as {@code similarity.constant.<kind>.<alpha>}.
 */
public final class SimilarityStage implements Stage<SimilarityMeasure> {
    @Override
    public PluginKind kind() {
        return PluginKind.SIMILARITY;
    }

    @Override
    public void run(SimilarityMeasure measure, RunContext context) {
        SampleFeatures features = context.require(Slots.FEATURES, "the similarity step");
        int neurons = features.layout().total();
        Map<FeatureKey, SimilarityResult> byKey = new LinkedHashMap<>();
        FeatureKind[] kinds = FeatureKind.values();
        try (Progress progress = context.progress("similarity " + measure.name(), (long) kinds.length * features.alphas().length, "matrices")) {
            for (FeatureKind kind : kinds) {
                for (int a = 0; a < features.alphas().length; a++) {
                    FeatureKey key = new FeatureKey(kind, features.alphas()[a]);
                    SimilarityResult result = similarity(measure, features.of(kind, a), features.draws(), neurons);
                    byKey.put(key, result);
                    context.recorder().result("similarity.constant." + kind.id() + "." + key.alphaLabel(),
                            result.variables() - result.kept().length);
                    progress.advance(1);
                }
            }
        }
        context.put(Slots.SIMILARITIES, new SimilaritySet(measure.name(), features.input(), byKey));
        context.put(Slots.SIMILARITY_MEASURE, measure);
    }

    /** The similarity of row-major draws x variables features: the one computation of the step and of a worker's unit. */
    static SimilarityResult similarity(SimilarityMeasure measure, float[] features, int draws, int variables) {
        return measure.similarity(toDouble(features, draws, variables));
    }

    private static Matrix toDouble(float[] rowMajor, int rows, int cols) {
        double[] values = new double[rowMajor.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rowMajor[i];
        }
        return new Matrix(rows, cols, values);
    }
}
