package dnnc.plugins.similarity;

import dnnc.api.Blackboard;
import dnnc.api.FeatureKey;
import dnnc.api.Matrix;
import dnnc.api.PluginLookup;
import dnnc.api.PluginRef;
import dnnc.api.SampleFeatures;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;
import dnnc.api.SimilaritySet;
import dnnc.api.Slots;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A similarity matrix as a unit carries it to a worker: the per-draw features it is computed from (draws x variables,
 * float32) and the similarity plugin that computes them (name and parameters), rather than the matrix itself
 * (variables^2 float64: 6.4 MB for 900 neurons and 60 draws, against 0.2 MB of features; 2.3 GB for 17,000 neurons).
 * A worker computes it with the same plugin through the similarity step's own code, so to the same bits. The run's
 * own board, which holds the similarity of these very features already, gives it without computing it again.
 */
public record FeatureSimilarity(FeatureKey key, PluginRef measure, float[] features, int draws, int variables)
        implements Serializable {

    /** The similarity of each key's features as the board's similarity step computed it. */
    public static Map<FeatureKey, FeatureSimilarity> of(Blackboard board, Iterable<FeatureKey> keys) {
        SampleFeatures features = board.get(Slots.FEATURES).orElseThrow(() -> missing(Slots.FEATURES.name()));
        PluginRef measure = PluginRef.of(board.get(Slots.SIMILARITY_MEASURE).orElseThrow(() -> missing(Slots.SIMILARITY_MEASURE.name())));
        Map<FeatureKey, FeatureSimilarity> byKey = new LinkedHashMap<>();
        for (FeatureKey key : keys) {
            int alpha = alphaIndex(features, key);
            if (alpha < 0) {
                throw new IllegalStateException("the features hold no alpha " + key.alphaText());
            }
            byKey.put(key, new FeatureSimilarity(key, measure, features.of(key.kind(), alpha), features.draws(), features.layout().total()));
        }
        return byKey;
    }

    /** The matrix: the board's own when it computed it from these features, else computed here with the plugin. */
    public Matrix matrix(Blackboard board) {
        return computedOn(board).orElseGet(() -> compute(board.get(Slots.PLUGINS)
                .orElseThrow(() -> missing(Slots.PLUGINS.name()))));
    }

    private Optional<Matrix> computedOn(Blackboard board) {
        boolean sameFeatures = board.get(Slots.FEATURES)
                .filter(f -> alphaIndex(f, key) >= 0 && f.of(key.kind(), alphaIndex(f, key)) == features).isPresent();
        if (!sameFeatures) {
            return Optional.empty();
        }
        return board.get(Slots.SIMILARITIES).filter(set -> set.measure().equals(measure.name()))
                .map(SimilaritySet::byKey).map(byKey -> byKey.get(key)).map(SimilarityResult::matrix);
    }

    private Matrix compute(PluginLookup plugins) {
        SimilarityMeasure plugin = (SimilarityMeasure) plugins.configured(measure);
        return SimilarityStage.similarity(plugin, features, draws, variables).matrix();
    }

    private static int alphaIndex(SampleFeatures features, FeatureKey key) {
        double[] alphas = features.alphas();
        for (int a = 0; a < alphas.length; a++) {
            if (Double.compare(alphas[a], key.alpha()) == 0) {
                return a;
            }
        }
        return -1;
    }

    private static IllegalStateException missing(String slot) {
        return new IllegalStateException("no " + slot + " on the board of a similarity's unit");
    }
}
