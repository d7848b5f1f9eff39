package dnnc.runner.workflow;

import dnnc.api.InvalidInputException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Turns a workflow file into running Camel routes: the YAML is checked for syntax and for constructs the
 * engine does not allow, routes are loaded and validated against the plugin catalog, and only then is the
 * entry route called. Nothing runs when validation fails.
 */
public final class WorkflowEngine {
    /** The route a run starts at. */
    public static final String ENTRY = "direct:main";

    private final StepValidator stepValidator;

    public WorkflowEngine(StepValidator stepValidator) {
        this.stepValidator = stepValidator;
    }

    /** Loads and validates; the returned workflow is ready to {@link LoadedWorkflow#run()}. */
    public LoadedWorkflow load(WorkflowFile file, Map<String, String> parameters, StepExecutor executor) {
        WorkflowSafety.checkStructure(file);
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            camel.getCamelContextExtension().setName("dnnc");
            camel.setStreamCaching(false);
            Properties props = new Properties();
            props.putAll(parameters);
            camel.getPropertiesComponent().setInitialProperties(props);
            WorkflowSafety.checkPlaceholders(file, parameters, camel);
            camel.addComponent(DnncComponent.SCHEME, new DnncComponent(executor));
            Resource resource = ResourceHelper.fromString(file.path().getFileName().toString(), file.text());
            PluginHelper.getRoutesLoader(camel).loadRoutes(resource);
            List<RouteDefinition> routes = ((ModelCamelContext) camel).getRouteDefinitions();
            if (routes.isEmpty()) {
                throw new InvalidInputException(file.path() + " defines no routes; a workflow needs at least `- route:` with `from: {uri: "
                        + ENTRY + "}`");
            }
            WorkflowSafety.checkRoutes(file, routes, camel);
            stepValidator.validate(file, routes, camel);
            LoopScopes.close(routes);
            camel.start();
            if (camel.hasEndpoint(ENTRY) == null) {
                throw new InvalidInputException(file.path() + " has no route starting at " + ENTRY + "; the run starts there");
            }
            return new LoadedWorkflow(camel);
        } catch (Exception e) {
            closeQuietly(camel);
            throw unwrap(e instanceof RuntimeException re ? re : new IllegalStateException(e), file);
        }
    }

    private static void closeQuietly(CamelContext camel) {
        try {
            camel.close();
        } catch (Exception e) {
            // shutting down an engine that failed validation: the validation error is what the user needs
        }
    }

    static RuntimeException unwrap(RuntimeException e, WorkflowFile file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException user) {
                return user;
            }
            if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException y) {
                return new InvalidInputException(file.path() + y.getProblemMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("")
                        + ": " + y.getProblem());
            }
            if (t instanceof org.apache.camel.dsl.yaml.common.exception.YamlDeserializationException y) {
                return new InvalidInputException(file.path() + ": " + y.getMessage().lines().findFirst().orElse("").trim());
            }
        }
        return e;
    }

    /** A validated, started workflow. */
    public static final class LoadedWorkflow implements AutoCloseable {
        private final CamelContext camel;

        LoadedWorkflow(CamelContext camel) {
            this.camel = camel;
        }

        /** Runs the entry route to its end; a step's failure is rethrown as it was thrown. */
        public void run() {
            ProducerTemplate template = camel.createProducerTemplate();
            try {
                template.requestBody(ENTRY, "");
            } catch (CamelExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } finally {
                template.stop();
            }
        }

        @Override
        public void close() {
            closeQuietly(camel);
        }
    }
}
