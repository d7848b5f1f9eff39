package dnnc.api;

/**
 * C_ACE intersect C_ACT at one alpha, its lesion, the smallest subset whose lesion still fails, and whether the
 * lesion fails the task (p below the lesion step's significance level).
 */
public record CriticalSet(double alpha, int[] neurons, int hidden, double damage, double pValue,
                          double overlapPValue, int[] minimalNeurons, boolean fails) {
}
