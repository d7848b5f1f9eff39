package dnnc.api;

/** What to attribute: which inputs of which network, over which intervention values, for which class. */
public record AttributionRequest(NetworkProbe network, InputSchema schema, int[] inputs, double[] alphas,
                                 int targetClass, long seed) {
}
