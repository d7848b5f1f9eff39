package dnnc.api;

/**
 * Plugins configured from their references, as a workflow step configures them (found by name in the plugin
 * catalog): how a unit computed on a worker applies a plugin besides its own, e.g. the similarity measure whose
 * matrix a clustering unit clusters.
 */
public interface PluginLookup {
    Plugin configured(PluginRef ref);
}
