package dnnc.plugins.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The choice of trainer the trained models offer, and what it does to their cache keys. */
final class Trainers {
    static final String BACKPROP = "backprop";
    static final String SAMEDIFF = "samediff";
    private static final String PARAMETER = "trainer";

    private Trainers() {
    }

    /**
     * The parameters that key a model in the cache, with the seed actually used. A model trained by SameDiff keeps
     * the key models had before there was a choice of trainer, so the models cached then are still found.
     */
    static Map<String, String> cacheIdentity(Map<String, String> parameterValues, long effectiveSeed) {
        Map<String, String> identity = new LinkedHashMap<>(parameterValues);
        if (SAMEDIFF.equals(identity.get(PARAMETER))) {
            identity.remove(PARAMETER);
        }
        identity.put("seed", Long.toString(effectiveSeed));
        return identity;
    }
}
