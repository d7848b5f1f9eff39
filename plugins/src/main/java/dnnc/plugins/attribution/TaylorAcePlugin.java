package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.AttributionResult;
import dnnc.api.InputEffect;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;
import dnnc.api.SampleFeatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's second-order ACE. For ReLU networks the Hessian is 0 almost everywhere, so this is nearly one
 * forward pass at the input mean; it therefore also runs the Monte Carlo estimator on the same request
 * ({@code draws} draws) and reports how far it is from it. Its per-draw features are the Monte Carlo ones.
 */
@PluginInfo(name = "ace-taylor",
        description = "Average causal effect by the second-order Taylor expansion around the input mean (Chattopadhyay et al. 2019), with its error against Monte Carlo")
public final class TaylorAcePlugin extends AceAttribution {
    @Param(description = "finite-difference step of the Hessian", min = 0, minExclusive = true)
    private double step = 1e-2;

    @Param(description = "how the Hessian term is computed: differences of input gradients (one backward pass per neuron), second differences of forward passes (all neurons at once), or none (f(mu) alone)")
    private TaylorAce.Curvature curvature = TaylorAce.Curvature.GRADIENT_DIFFERENCES;

    @Param(description = "also run Monte Carlo with the same draws and report the Taylor error against it")
    private boolean compare = true;

    @Override
    public AttributionResult attribute(AttributionRequest request, Progress progress) {
        TaylorAce taylor = new TaylorAce(request, step, curvature, threads());
        List<InputEffect> effects = taylor.estimate(progress);
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("curvature", curvature.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (compare) {
            MonteCarloAce reference = monteCarlo(request);
            List<InputEffect> mc = reference.estimate(progress);
            double[] errors = TaylorAce.absoluteErrors(effects, mc);
            double[] scale = TaylorAce.absoluteErrors(mc, zeroLike(mc));
            diagnostics.put("taylor_max_abs_error_vs_mc", max(errors));
            diagnostics.put("taylor_mean_abs_error_vs_mc", mean(errors));
            diagnostics.put("mc_mean_abs_ace", mean(scale));
            diagnostics.put("mc_draws", draws());
        }
        return new AttributionResult(name(), taylor.layout(), effects, null, diagnostics);
    }

    @Override
    public Optional<SampleFeatures> sampleFeatures(AttributionRequest request, int input, Progress progress) {
        return Optional.of(monteCarlo(request).features(input, progress));
    }

    @Override
    public long workUnits(AttributionRequest request) {
        long hessian = curvature == TaylorAce.Curvature.GRADIENT_DIFFERENCES
                ? request.network().layout().total() - request.network().inputSize() : 0;
        return hessian + (compare ? draws() : 0);
    }

    private static List<InputEffect> zeroLike(List<InputEffect> effects) {
        return effects.stream().map(e -> new InputEffect(e.input(), e.values(),
                new double[e.ace().length][e.ace()[0].length], null)).toList();
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(0);
    }
}
