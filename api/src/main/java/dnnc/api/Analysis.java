package dnnc.api;

/**
 * Plugin kind "analysis": computes a finding from what earlier steps left (the model, the attribution, the
 * clusterings, ...), records it and leaves it in a slot for later steps. Reporters only draw and write what
 * analyses left, so every number a report shows was measured by a step that is on record on its own.
 */
public interface Analysis extends Plugin {
    void analyse(RunContext context);
}
