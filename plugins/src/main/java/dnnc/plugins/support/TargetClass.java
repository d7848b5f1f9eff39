package dnnc.plugins.support;

import dnnc.api.InvalidInputException;
import dnnc.api.Preflight;

import java.util.Map;

/** The check every plugin with a {@code target} class parameter shares: the class must exist in the data. */
public final class TargetClass {
    private TargetClass() {
    }

    public static void check(String plugin, int target, int classes) {
        if (target >= classes) {
            throw new InvalidInputException("parameter 'target' of plugin '" + plugin + "' is " + target
                    + "; expected a class in 0.." + (classes - 1));
        }
    }

    /** Before the run: against the class count the data step declared, when it did. */
    public static void preflight(String plugin, int target, Map<String, String> facts) {
        String classes = facts.get(Preflight.DATA_CLASSES);
        if (classes != null) {
            check(plugin, target, Integer.parseInt(classes));
        }
    }
}
