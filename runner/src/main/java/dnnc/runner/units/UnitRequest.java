package dnnc.runner.units;

import dnnc.api.PluginRef;
import dnnc.api.UnitTask;

import java.io.Serializable;

/** A unit as it travels to a worker (its run and id travel beside it, as message properties): what to prepare, and the plugin and task to compute. */
public record UnitRequest(Prelude prelude, PluginRef plugin, UnitTask<?, ?> task) implements Serializable {
}
