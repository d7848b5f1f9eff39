package dnnc.api;

/** C_ACE intersect C_ACT at one alpha, its lesion, and the smallest subset whose lesion still fails. */
public record CriticalSet(double alpha, int[] neurons, int hidden, double damage, double pValue,
                          double overlapPValue, int[] minimalNeurons) {
}
