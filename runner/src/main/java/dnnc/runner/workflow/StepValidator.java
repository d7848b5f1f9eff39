package dnnc.runner.workflow;

import org.apache.camel.CamelContext;
import org.apache.camel.model.RouteDefinition;

import java.util.List;

/** Checks every plugin step of a loaded workflow before anything runs. */
@FunctionalInterface
public interface StepValidator {
    void validate(WorkflowFile file, List<RouteDefinition> routes, CamelContext camel);
}
