package dnnc.runner.workflow;

import dnnc.api.PluginKind;

import java.util.Map;

/** One `dnnc:<kind>:<plugin>?params` step of a workflow, placeholders resolved. */
public record StepSpec(String uri, PluginKind kind, String plugin, Map<String, String> parameters) {
}
