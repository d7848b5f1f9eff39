package dnnc.runner.workflow;

import dnnc.api.PluginKind;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The `dnnc:` endpoint: {@code dnnc:<kind>:<plugin>?name=value...}. Its query options are the plugin's own
 * parameters, so the component takes them all and leaves validation to the plugin's declaration.
 */
public final class DnncComponent extends DefaultComponent {
    public static final String SCHEME = "dnnc";

    private final StepExecutor executor;

    public DnncComponent(StepExecutor executor) {
        this.executor = executor;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        StepSpec step = parse(uri, remaining, parameters);
        parameters.clear();
        return new StepEndpoint(uri, this, step);
    }

    /** Parses the path and options of a dnnc URI (kind and plugin names are checked later, against the catalog). */
    static StepSpec parse(String uri, String remaining, Map<String, Object> parameters) {
        String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int colon = path.indexOf(':');
        if (colon <= 0 || colon == path.length() - 1) {
            throw new dnnc.api.InvalidInputException("step '" + uri + "' should read dnnc:<kind>:<plugin>, e.g. dnnc:similarity:spearman");
        }
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((k, v) -> values.put(k, String.valueOf(v)));
        return new StepSpec(uri, PluginKind.fromId(path.substring(0, colon)), path.substring(colon + 1), values);
    }

    private static final class StepEndpoint extends DefaultEndpoint {
        private final StepSpec step;

        StepEndpoint(String uri, DnncComponent component, StepSpec step) {
            super(uri, component);
            this.step = step;
        }

        @Override
        public Producer createProducer() {
            DnncComponent component = (DnncComponent) getComponent();
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) {
                    Integer repeat = exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
                    component.executor.execute(step, repeat == null ? 0 : repeat);
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("dnnc: steps are called with `to`, they cannot start a route");
        }
    }
}
