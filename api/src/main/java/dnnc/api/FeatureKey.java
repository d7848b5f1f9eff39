package dnnc.api;

/** One clustering of the study: a feature kind at one alpha. */
public record FeatureKey(FeatureKind kind, double alpha) implements java.io.Serializable {
    /**
     * The alpha as results.json keys and file names write it: "-3", "0_5" (a dot would nest the key one level deeper
     * in results.json, so a non-integer alpha's point is written "_").
     */
    public String alphaLabel() {
        return alphaLabel(alpha);
    }

    /** The alpha as a sentence writes it: "-3", "0.5". */
    public String alphaText() {
        return alphaText(alpha);
    }

    /** Any alpha as results.json writes it. */
    public static String alphaLabel(double alpha) {
        return alphaText(alpha).replace('.', '_');
    }

    private static String alphaText(double alpha) {
        return alpha == Math.rint(alpha) ? Long.toString((long) alpha) : Double.toString(alpha);
    }
}
