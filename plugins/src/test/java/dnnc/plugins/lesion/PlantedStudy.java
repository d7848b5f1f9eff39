package dnnc.plugins.lesion;

import dnnc.api.Clustering;
import dnnc.api.ClusteringSet;
import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;
import dnnc.api.InputSchema;
import dnnc.api.NeuronClustering;
import dnnc.api.NeuronLayout;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Clusterings of {@link RandomProbes#planted}'s neurons with a known answer: at every alpha, cluster 0 of the
 * activation clustering is the four output-carrying hidden-2 neurons plus two hidden-1 neurons, cluster 0 of
 * the ACE clustering those four plus two output pixels; the other hidden neurons and inputs are split into three
 * clusters at random. Inputs z_1 (studied), the class block and the other output pixels are left out (-1):
 * lesioning output pixels directly would otherwise out-damage any hidden cluster under pixel BCE.
 */
final class PlantedStudy {
    static final InputSchema SCHEMA = new InputSchema(4, 3, new double[] {0.3, 0.3, 0.4});
    static final int LATENT = 1;
    static final int TARGET = 2;
    static final double[] ALPHAS = {-1, 1};

    private PlantedStudy() {
    }

    static int[] carriers(NeuronLayout layout) {
        return new int[] {layout.global(2, 0), layout.global(2, 1), layout.global(2, 2), layout.global(2, 3)};
    }

    static ClusteringSet clusterings(NeuronLayout layout, long seed) {
        Map<FeatureKey, NeuronClustering> byKey = new LinkedHashMap<>();
        Random random = new Random(seed);
        for (double alpha : ALPHAS) {
            int[] act = labels(layout, random, new int[] {layout.global(1, 0), layout.global(1, 1)});
            int[] ace = labels(layout, random, new int[] {layout.global(3, 0), layout.global(3, 1)});
            put(byKey, new FeatureKey(FeatureKind.ACTIVATION, alpha), act);
            put(byKey, new FeatureKey(FeatureKind.ACE, alpha), ace);
        }
        return new ClusteringSet("planted", "none", LATENT, layout, byKey);
    }

    private static int[] labels(NeuronLayout layout, Random random, int[] extra) {
        int[] labels = new int[layout.total()];
        for (int g = 0; g < labels.length; g++) {
            labels[g] = 1 + random.nextInt(3);
        }
        for (int g = layout.offset(3); g < layout.total(); g++) {
            labels[g] = -1;
        }
        labels[LATENT] = -1;
        for (int c = 0; c < SCHEMA.classes(); c++) {
            labels[SCHEMA.latents() + c] = -1;
        }
        for (int g : carriers(layout)) {
            labels[g] = 0;
        }
        for (int g : extra) {
            labels[g] = 0;
        }
        return labels;
    }

    private static void put(Map<FeatureKey, NeuronClustering> byKey, FeatureKey key, int[] labels) {
        int count = (int) Arrays.stream(labels).filter(l -> l >= 0).distinct().count();
        byKey.put(key, new NeuronClustering(key, labels, new Clustering(labels, count, 1, true, List.of(), null)));
    }
}
