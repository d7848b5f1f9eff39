package dnnc.plugins.lesion;

/**
 * One lesion and, when it was tested, its matched random-lesion null. {@code pValue}, {@code adjustedP} and
 * {@code randomDamages} are NaN / empty for lesions that were only screened.
 */
public record TestedLesion(int cluster, int[] neurons, int hidden, LesionScorer.Scored scored, boolean tested,
                           double pValue, double adjustedP, double failureRate, double[] randomDamages) implements java.io.Serializable {
    public double damage() {
        return scored.damage();
    }

    public int size() {
        return neurons.length;
    }
}
