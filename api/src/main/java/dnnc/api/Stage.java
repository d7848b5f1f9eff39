package dnnc.api;

/**
 * Applies a plugin of one kind to the study in progress: reads what earlier steps left in the
 * {@link RunContext}, runs the plugin, leaves its results there and on record. One stage per kind, bound
 * like plugins, so the runner knows no kind's details and a new algorithm needs no new stage.
 */
public interface Stage<P extends Plugin> {
    PluginKind kind();

    void run(P plugin, RunContext context);
}
