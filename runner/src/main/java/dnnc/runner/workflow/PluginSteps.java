package dnnc.runner.workflow;

import dnnc.api.InvalidInputException;
import dnnc.api.Plugin;
import dnnc.api.Preflight;
import dnnc.runner.PluginCatalog;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.URISupport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the `dnnc:` steps of loaded routes and checks each against the plugin catalog. */
public final class PluginSteps implements StepValidator {
    private final PluginCatalog catalog;
    private final Map<String, String> runFacts;

    /** Checks parameters only (no files are read). */
    public PluginSteps(PluginCatalog catalog) {
        this(catalog, null);
    }

    /**
     * Also runs each {@link Preflight} step's checks in workflow order (files exist and parse, indices fit earlier
     * steps), starting from what the run itself knows ({@code runFacts}: seed, cache folder).
     */
    public PluginSteps(PluginCatalog catalog, Map<String, String> runFacts) {
        this.catalog = catalog;
        this.runFacts = runFacts;
    }

    @Override
    public void validate(WorkflowFile file, List<RouteDefinition> routes, CamelContext camel) {
        Map<String, String> facts = runFacts == null ? null : new LinkedHashMap<>(runFacts);
        for (StepSpec step : steps(file, routes, camel)) {
            try {
                Plugin plugin = configured(step);
                if (facts != null && plugin instanceof Preflight preflight) {
                    preflight.preflight(facts);
                }
            } catch (InvalidInputException e) {
                throw WorkflowSafety.at(file, step.kind().id() + ":" + step.plugin(), "step " + step.kind().id() + ":" + step.plugin()
                        + ": " + e.getMessage());
            }
        }
    }

    /** A fresh plugin for the step with its parameters applied. */
    public Plugin configured(StepSpec step) {
        Plugin plugin = catalog.create(step.kind(), step.plugin());
        plugin.configure(step.parameters());
        return plugin;
    }

    /** Every plugin step in route order, placeholders resolved. */
    public static List<StepSpec> steps(WorkflowFile file, List<RouteDefinition> routes, CamelContext camel) {
        List<StepSpec> steps = new ArrayList<>();
        for (RouteDefinition route : routes) {
            collect(file, route, route.getOutputs(), camel, steps);
        }
        return steps;
    }

    private static void collect(WorkflowFile file, RouteDefinition route, List<ProcessorDefinition<?>> outputs, CamelContext camel, List<StepSpec> into) {
        for (ProcessorDefinition<?> p : outputs) {
            Object node = p;
            if (node instanceof ToDefinition to) {
                String uri = WorkflowSafety.resolve(camel, route, to.getEndpointUri());
                if (uri.startsWith(DnncComponent.SCHEME + ":")) {
                    try {
                        into.add(parse(file, uri));
                    } catch (InvalidInputException e) {
                        throw e.getMessage().startsWith(file.path().toString()) ? e : WorkflowSafety.at(file, to.getEndpointUri(), e.getMessage());
                    }
                }
            }
            collect(file, route, WorkflowSafety.nested(p), camel, into);
        }
    }

    static StepSpec parse(WorkflowFile file, String uri) {
        String rest = uri.substring(DnncComponent.SCHEME.length() + 1);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        Map<String, Object> params = new LinkedHashMap<>();
        if (q >= 0) {
            try {
                params.putAll(URISupport.parseQuery(rest.substring(q + 1)));
            } catch (URISyntaxException e) {
                throw WorkflowSafety.at(file, path, "step '" + uri + "' has malformed options: " + e.getMessage());
            }
        }
        return DnncComponent.parse(uri, path, params);
    }
}
