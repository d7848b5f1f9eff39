package dnnc.plugins.attribution;

import dnnc.api.AttributionResult;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;

import java.util.List;

/**
 * An ACE result as two dense blocks, the form the arrays, .npy files and figures use: latents x alphas x neurons
 * and classes x neurons, each with its standard errors (null when the method has none).
 */
record AceTables(List<InputEffect> latents, List<InputEffect> classes, double[] alphas, int neurons) {

    static AceTables of(AttributionResult result, InputSchema schema) {
        List<InputEffect> latents = result.effects().stream().filter(e -> schema.isLatent(e.input())).toList();
        List<InputEffect> classes = result.effects().stream().filter(e -> !schema.isLatent(e.input())).toList();
        double[] alphas = latents.isEmpty() ? new double[0] : latents.get(0).values();
        return new AceTables(latents, classes, alphas, result.layout().total());
    }

    boolean hasStandardErrors() {
        return java.util.stream.Stream.concat(latents.stream(), classes.stream()).allMatch(e -> e.standardError() != null);
    }

    int[] latentShape() {
        return new int[] {latents.size(), alphas.length, neurons};
    }

    int[] classShape() {
        return new int[] {classes.size(), neurons};
    }

    double[] latentValues(boolean standardErrors) {
        return flatten(latents, standardErrors);
    }

    double[] classValues(boolean standardErrors) {
        return flatten(classes, standardErrors);
    }

    private double[] flatten(List<InputEffect> effects, boolean standardErrors) {
        int perInput = effects.isEmpty() ? 0 : effects.get(0).ace().length * neurons;
        double[] flat = new double[effects.size() * perInput];
        for (int q = 0; q < effects.size(); q++) {
            double[][] block = standardErrors ? effects.get(q).standardError() : effects.get(q).ace();
            for (int v = 0; v < block.length; v++) {
                System.arraycopy(block[v], 0, flat, q * perInput + v * neurons, neurons);
            }
        }
        return flat;
    }
}
