package dnnc.plugins.attribution;

import dnnc.api.AttributionMethod;
import dnnc.api.AttributionRequest;
import dnnc.api.InputSchema;
import dnnc.api.NetworkProbe;
import dnnc.api.Param;
import dnnc.api.Preflight;
import dnnc.plugins.support.TargetClass;

import java.util.Map;

/**
 * Parameters every attribution of a conditional decoder shares: the class the digit is drawn as and the seed
 * of the noise draws, from which {@link #request} builds the {@link AttributionRequest} the stage runs.
 */
public abstract class DecoderAttribution implements AttributionMethod, Preflight {
    @Param(description = "target class: the one-hot class fed with every latent intervention", min = 0)
    private int target = 5;

    @Param(description = "seed of the noise draws; -1 takes the run's seed", min = -1)
    private long seed = -1;

    @Override
    public AttributionRequest request(NetworkProbe network, InputSchema schema, long runSeed) {
        return new AttributionRequest(network, schema, inputs(schema), alphas(), target, seed == -1 ? runSeed : seed);
    }

    /** Refuses a target class the data set does not have, before the run is on record. */
    @Override
    public void preflight(Map<String, String> facts) {
        TargetClass.preflight(name(), target, facts);
    }

    /** Inputs the request attributes; all by default. */
    protected int[] inputs(InputSchema schema) {
        return java.util.stream.IntStream.range(0, schema.size()).toArray();
    }

    /** The intervention values of the request. */
    protected double[] alphas() {
        return new double[] {-3, -2, -1, 0, 1, 2, 3};
    }

    @Override
    public abstract long workUnits(AttributionRequest request);

    /** Java threads to use: the configured count, or one per core when 0. */
    static int threads(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
