package dnnc.api;

import java.util.Map;

/**
 * Lesions and interventions on units of probed tensors, by tensor name ({@code output} names the first graph
 * output): a lesioned unit is 0; do(unit = v) sets it to v (every element of a channel). A unit both lesioned and
 * set takes the set value.
 */
public record UnitEdits(Map<String, int[]> lesions, Map<String, Map<Integer, Float>> values) {
    private static final UnitEdits NONE = new UnitEdits(Map.of(), Map.of());

    public UnitEdits {
        lesions = Map.copyOf(lesions);
        values = Map.copyOf(values);
    }

    public static UnitEdits none() {
        return NONE;
    }
}
