package dnnc.runner.run;

import dnnc.api.PluginKind;
import dnnc.api.PluginRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The steps of a run so far, as units see them: the ordinal of the step in progress (a unit is named after its step,
 * the same every time the workflow runs) and the data and model steps, which a worker runs before a unit that needs
 * their slots.
 */
public final class RunSteps {
    private static final Set<PluginKind> PREPARING = Set.of(PluginKind.DATA, PluginKind.MODEL);

    private int ordinal;
    private final List<PluginRef> preparing = new ArrayList<>();

    synchronized void started(PluginRef step) {
        ordinal++;
        if (PREPARING.contains(step.kind())) {
            preparing.add(step);
        }
    }

    /** 1, 2, ... in start order, as the steps table numbers them. */
    public synchronized int current() {
        return ordinal;
    }

    /** The data and model steps so far of the given kinds, in the order they ran. */
    public synchronized List<PluginRef> preparing(Set<PluginKind> kinds) {
        return preparing.stream().filter(step -> kinds.contains(step.kind())).toList();
    }
}
