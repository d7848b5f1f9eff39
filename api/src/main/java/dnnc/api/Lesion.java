package dnnc.api;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Neurons forced to 0 in every forward pass, by layer (inputs and outputs included). */
public record Lesion(Map<Integer, int[]> neuronsByLayer) {
    private static final Lesion NONE = new Lesion(Map.of());

    public Lesion {
        neuronsByLayer = Map.copyOf(neuronsByLayer);
    }

    public static Lesion none() {
        return NONE;
    }

    /** A lesion of neurons given by their global numbers in {@code layout}. */
    public static Lesion ofGlobal(NeuronLayout layout, int[] globalNeurons) {
        Map<Integer, int[]> byLayer = new TreeMap<>();
        for (int g : globalNeurons) {
            int l = layout.layerOf(g);
            int[] old = byLayer.getOrDefault(l, new int[0]);
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = layout.indexInLayer(g);
            byLayer.put(l, grown);
        }
        return new Lesion(byLayer);
    }

    public boolean isEmpty() {
        return neuronsByLayer.values().stream().allMatch(a -> a.length == 0);
    }

    public int size() {
        return neuronsByLayer.values().stream().mapToInt(a -> a.length).sum();
    }

    /** The lowest layer with a lesioned neuron; activations below it are unaffected. */
    public int firstLayer() {
        return neuronsByLayer.entrySet().stream().filter(e -> e.getValue().length > 0)
                .mapToInt(Map.Entry::getKey).min().orElse(Integer.MAX_VALUE);
    }

    public int[] neuronsIn(int layer) {
        return neuronsByLayer.getOrDefault(layer, new int[0]);
    }
}
