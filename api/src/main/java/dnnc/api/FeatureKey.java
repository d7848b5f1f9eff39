package dnnc.api;

/** One clustering of the study: a feature kind at one alpha. */
public record FeatureKey(FeatureKind kind, double alpha) {
    /** The alpha as results.json writes it: "-3", "0.5". */
    public String alphaLabel() {
        return alphaLabel(alpha);
    }

    /** Any alpha as results.json writes it. */
    public static String alphaLabel(double alpha) {
        return alpha == Math.rint(alpha) ? Long.toString((long) alpha) : Double.toString(alpha);
    }
}
