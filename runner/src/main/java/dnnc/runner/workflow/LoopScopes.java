package dnnc.runner.workflow;

import org.apache.camel.Exchange;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RemovePropertyDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.WhenDefinition;

import java.util.List;

/**
 * Camel leaves a loop's index on the exchange after the loop ends, so steps after a loop would run as if in its
 * last repeat. The engine closes every loop by removing the index right after it: steps inside a loop run as
 * repeat i, steps after it as the main analysis again.
 */
final class LoopScopes {
    private LoopScopes() {
    }

    static void close(List<RouteDefinition> routes) {
        for (RouteDefinition route : routes) {
            closeIn(route.getOutputs());
        }
    }

    private static void closeIn(List<ProcessorDefinition<?>> outputs) {
        for (int i = 0; i < outputs.size(); i++) {
            ProcessorDefinition<?> p = outputs.get(i);
            if (p instanceof ChoiceDefinition choice) {
                for (WhenDefinition when : choice.getWhenClauses()) {
                    closeIn(when.getOutputs());
                }
                if (choice.getOtherwise() != null) {
                    closeIn(choice.getOtherwise().getOutputs());
                }
                continue;
            }
            closeIn(p.getOutputs());
            if (p instanceof LoopDefinition) {
                outputs.add(i + 1, new RemovePropertyDefinition(Exchange.LOOP_INDEX));
                i++;
            }
        }
    }
}
