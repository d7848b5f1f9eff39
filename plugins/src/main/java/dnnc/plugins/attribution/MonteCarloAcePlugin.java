package dnnc.plugins.attribution;

import dnnc.api.AttributionRequest;
import dnnc.api.AttributionResult;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;
import dnnc.api.SampleFeatures;

import java.util.Map;
import java.util.Optional;

@PluginInfo(name = "ace-monte-carlo",
        description = "Average causal effect of each decoder input on every neuron by Monte Carlo with common random numbers, with standard errors")
public final class MonteCarloAcePlugin extends AceAttribution {

    @Override
    public AttributionResult attribute(AttributionRequest request, Progress progress) {
        MonteCarloAce estimator = monteCarlo(request);
        return new AttributionResult(name(), estimator.layout(), estimator.estimate(progress),
                null, Map.of("draws", draws()));
    }

    @Override
    public Optional<SampleFeatures> sampleFeatures(AttributionRequest request, int input, Progress progress) {
        return Optional.of(monteCarlo(request).features(input, progress));
    }

    @Override
    public long workUnits(AttributionRequest request) {
        return draws();
    }
}
