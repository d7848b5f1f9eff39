package dnnc.plugins.lesion;

import dnnc.api.Lesion;
import dnnc.api.NeuronLayout;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import java.util.Map;

/**
 * Random lesions matched to an observed one: the same number of neurons in every layer, drawn without
 * replacement from that layer's candidate pool (the neurons that could have been in a cluster).
 */
public final class RandomLesions {
    private final NeuronLayout layout;
    private final Map<Integer, int[]> poolByLayer = new TreeMap<>();

    /** @param candidates global neuron numbers eligible for lesions (e.g. every neuron with a cluster label) */
    public RandomLesions(NeuronLayout layout, int[] candidates) {
        this.layout = layout;
        Map<Integer, int[]> grouped = new TreeMap<>();
        for (int g : candidates) {
            int l = layout.layerOf(g);
            int[] old = grouped.getOrDefault(l, new int[0]);
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = g;
            grouped.put(l, grown);
        }
        grouped.forEach((l, pool) -> poolByLayer.put(l, Arrays.stream(pool).sorted().toArray()));
    }

    /** {@code count} random lesions with the per-layer counts of {@code observed}, seeded. */
    public Lesion[] matching(Lesion observed, int count, long seed) {
        Random random = new Random(seed);
        Lesion[] lesions = new Lesion[count];
        for (int i = 0; i < count; i++) {
            int[] chosen = new int[observed.size()];
            int at = 0;
            for (Map.Entry<Integer, int[]> e : new TreeMap<>(observed.neuronsByLayer()).entrySet()) {
                int need = e.getValue().length;
                int[] pool = poolByLayer.getOrDefault(e.getKey(), new int[0]);
                if (need > pool.length) {
                    throw new IllegalArgumentException("layer " + e.getKey() + " has " + pool.length
                            + " candidate neurons; the lesion has " + need);
                }
                int[] picked = sampleWithoutReplacement(random, pool, need);
                System.arraycopy(picked, 0, chosen, at, need);
                at += need;
            }
            lesions[i] = Lesion.ofGlobal(layout, chosen);
        }
        return lesions;
    }

    /** {@code count} distinct entries of {@code pool}, sorted; a partial Fisher-Yates shuffle. */
    public static int[] sampleWithoutReplacement(Random random, int[] pool, int count) {
        int[] copy = pool.clone();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] picked = Arrays.copyOf(copy, count);
        Arrays.sort(picked);
        return picked;
    }
}
