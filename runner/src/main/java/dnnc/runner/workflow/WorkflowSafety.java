package dnnc.runner.workflow;

import dnnc.api.InvalidInputException;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.FromDefinition;
import org.apache.camel.model.LogDefinition;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.OtherwiseDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.WhenDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workflows are code, so only what the engine supports may appear: direct routes, `dnnc:` plugin steps,
 * logging, choice/split, and route templates. Anything else (beans, processors, other endpoints, expressions
 * that call methods) is refused before it can be instantiated.
 */
final class WorkflowSafety {
    private static final Set<String> TOP_LEVEL = Set.of("route", "routeTemplate", "templatedRoute");
    private static final Set<String> FORBIDDEN_KEYS = Set.of("beans", "bean", "process", "script", "setBody", "transform",
            "toD", "enrich", "pollEnrich", "wireTap", "recipientList", "routingSlip", "dynamicRouter", "errorHandler",
            "onException", "intercept", "interceptFrom", "interceptSendToEndpoint", "rest", "routeConfiguration",
            "kamelet", "method", "groovy", "joor", "java", "js", "ognl", "mvel", "spel", "datasonnet", "xpath", "jq", "jsonpath");
    private static final Pattern REFERENCE = Pattern.compile("#(class|type|bean|valueAs|property|env|sys):");
    private static final Set<String> ENDPOINT_SCHEMES = Set.of("direct", "dnnc", "log");
    private static final Set<String> LOG_OPTIONS = Set.of("level", "showAll", "showBody", "showHeaders", "showExchangePattern",
            "multiline", "groupSize", "groupInterval", "showBodyType", "logMask");
    /** Simple's functions: ${...} and its alias $simple{...}. */
    private static final Pattern SIMPLE_TOKEN = Pattern.compile("\\$(?:simple)?\\{([^}]*)}");
    private static final Pattern SAFE_SIMPLE = Pattern.compile(
            "(header|headers|exchangeProperty)\\.[A-Za-z0-9_-]+|body|routeId|exchangeId|date:now:[A-Za-z0-9:. _-]+");

    private WorkflowSafety() {
    }

    /** Refuses unsupported top-level constructs and forbidden keys, with their line, before Camel reads them. */
    static void checkStructure(WorkflowFile file) {
        LoadSettings settings = LoadSettings.builder().setLabel(file.path().toString()).build();
        Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, file.text())));
        boolean any = false;
        while (composer.hasNext()) {
            Node root = composer.next();
            if (!(root instanceof SequenceNode seq)) {
                throw refuse(file, root, "the top level must be a list of `- route:`, `- routeTemplate:` or `- templatedRoute:` entries");
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map) || map.getValue().size() != 1
                        || !(map.getValue().get(0).getKeyNode() instanceof ScalarNode key) || !TOP_LEVEL.contains(key.getValue())) {
                    throw refuse(file, item, "only `- route:`, `- routeTemplate:` and `- templatedRoute:` entries are allowed at the top level");
                }
                any = true;
                walk(file, map);
            }
        }
        if (!any) {
            throw new InvalidInputException(file.path() + " defines no routes; a workflow needs at least `- route:` with `from: {uri: "
                    + WorkflowEngine.ENTRY + "}`");
        }
    }

    private static void walk(WorkflowFile file, Node node) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key && FORBIDDEN_KEYS.contains(key.getValue())) {
                    throw refuse(file, key, "`" + key.getValue() + "` is not allowed in workflows; allowed: to (direct:, dnnc:, log:), log, choice, split, loop, route templates");
                }
                walk(file, t.getKeyNode());
                walk(file, t.getValueNode());
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> walk(file, n));
        } else if (node instanceof ScalarNode scalar && REFERENCE.matcher(scalar.getValue()).find()) {
            throw refuse(file, scalar, "'" + scalar.getValue() + "' refers to a Java class or bean; workflows may only name plugins");
        }
    }

    private static InvalidInputException refuse(WorkflowFile file, Node node, String why) {
        String where = node.getStartMark().map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
        return new InvalidInputException(file.path() + where + ": " + why);
    }

    /** Whitelists the loaded route model: endpoint schemes, processor types and expression contents. */
    static void checkRoutes(WorkflowFile file, List<RouteDefinition> routes, CamelContext camel) {
        for (RouteDefinition route : routes) {
            FromDefinition from = route.getInput();
            String fromUri = resolve(camel, route, from.getEndpointUri());
            if (!fromUri.startsWith("direct:")) {
                throw at(file, fromUri, "a route may only start from direct:<name>, not '" + fromUri + "'");
            }
            checkOutputs(file, route, route.getOutputs(), camel);
        }
    }

    private static void checkOutputs(WorkflowFile file, RouteDefinition route, List<ProcessorDefinition<?>> outputs, CamelContext camel) {
        for (ProcessorDefinition<?> p : outputs) {
            Object node = p;
            if (node instanceof ToDefinition to) {
                checkEndpoint(file, resolve(camel, route, to.getEndpointUri()));
            } else if (node instanceof LogDefinition log) {
                checkSimple(file, log.getMessage());
            } else if (node instanceof WhenDefinition || node instanceof SplitDefinition || node instanceof LoopDefinition) {
                checkExpression(file, ((ExpressionNode) node).getExpression());
            } else if (node instanceof ChoiceDefinition choice) {
                choice.getWhenClauses().forEach(when -> checkExpression(file, when.getExpression()));
            } else if (!(node instanceof OtherwiseDefinition)) {
                throw new InvalidInputException(file.path() + ": `" + p.getShortName() + "` is not allowed in workflows; allowed: to (direct:, dnnc:, log:), log, choice, split, loop, route templates");
            }
            checkOutputs(file, route, nested(p), camel);
        }
    }

    /** The steps inside a node. A choice keeps its branches apart from its outputs, so they are gathered here. */
    static List<ProcessorDefinition<?>> nested(ProcessorDefinition<?> node) {
        if (node instanceof ChoiceDefinition choice) {
            List<ProcessorDefinition<?>> steps = new java.util.ArrayList<>();
            for (WhenDefinition when : choice.getWhenClauses()) {
                steps.addAll(when.getOutputs());
            }
            if (choice.getOtherwise() != null) {
                steps.addAll(choice.getOtherwise().getOutputs());
            }
            return steps;
        }
        return node.getOutputs();
    }

    private static void checkEndpoint(WorkflowFile file, String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? uri : uri.substring(0, colon);
        if (!ENDPOINT_SCHEMES.contains(scheme)) {
            throw at(file, uri, "endpoint '" + uri + "' is not allowed; workflows may send to direct:, dnnc: and log: only");
        }
        if (scheme.equals("log") && uri.indexOf('?') >= 0) {
            for (String option : uri.substring(uri.indexOf('?') + 1).split("&")) {
                String name = option.split("=", 2)[0];
                if (!LOG_OPTIONS.contains(name)) {
                    throw at(file, uri, "log option '" + name + "' is not allowed; allowed: " + String.join(", ", LOG_OPTIONS));
                }
            }
        }
    }

    private static void checkExpression(WorkflowFile file, ExpressionDefinition expression) {
        if (expression == null) {
            return;
        }
        String language = expression.getLanguage();
        if (!"simple".equals(language) && !"constant".equals(language) && !"header".equals(language)
                && !"exchangeProperty".equals(language)) {
            throw at(file, expression.getExpression(), "expression language '" + language + "' is not allowed; use simple");
        }
        if ("simple".equals(language)) {
            checkSimple(file, expression.getExpression());
        }
    }

    private static void checkSimple(WorkflowFile file, String text) {
        if (text == null) {
            return;
        }
        Matcher m = SIMPLE_TOKEN.matcher(text);
        while (m.find()) {
            String inner = m.group(1).trim();
            if (!SAFE_SIMPLE.matcher(inner).matches()) {
                throw at(file, m.group(), "expression '" + m.group() + "' is not allowed; workflows may read ${header.X}, ${exchangeProperty.X} and ${body} only");
            }
        }
    }

    /**
     * Placeholders name workflow parameters only. Camel would read {{env:X}}, {{sys:X}} and its other
     * functions from the environment or call code, so such names are refused, and values given for
     * parameters may not hold placeholders of their own (Camel resolves nested ones).
     */
    static void checkPlaceholders(WorkflowFile file, Map<String, String> parameters, CamelContext camel) {
        PropertiesComponent properties = camel.getPropertiesComponent();
        for (String name : file.parameterDefaults().keySet()) {
            if (properties.getPropertiesFunction(name) != null) {
                String fragment = "{{" + name;
                int at = file.text().indexOf(fragment);
                int end = at < 0 ? -1 : file.text().indexOf("}}", at);
                String shown = end < 0 ? fragment + ":...}}" : file.text().substring(at, end + 2);
                throw at(file, fragment, "placeholder " + shown + " calls Camel's '" + name
                        + "' function; workflows may use only their own parameters, {{name}} or {{name:default}}");
            }
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() != null && p.getValue().contains("{{")) {
                throw new InvalidInputException(file.path() + ": parameter '" + p.getKey() + "' is given '" + p.getValue()
                        + "', which holds a placeholder; workflows may use only their own parameters, so give a plain value");
            }
        }
    }

    /** Resolves a route's text: its template parameters first (for routes made from a template), then workflow parameters. */
    static String resolve(CamelContext camel, RouteDefinition route, String text) {
        String local = text;
        java.util.Map<String, Object> templateParameters = route.getTemplateParameters();
        if (templateParameters != null) {
            for (java.util.Map.Entry<String, Object> e : templateParameters.entrySet()) {
                local = local.replace("{{" + e.getKey() + "}}", String.valueOf(e.getValue()));
            }
        }
        try {
            return camel.resolvePropertyPlaceholders(local);
        } catch (RuntimeException e) {
            throw new InvalidInputException("cannot resolve '" + text + "': " + e.getMessage());
        }
    }

    /** An error naming the line where {@code fragment} first appears in the file, if it does. */
    static InvalidInputException at(WorkflowFile file, String fragment, String why) {
        int idx = fragment == null ? -1 : file.text().indexOf(fragment);
        if (idx < 0 && fragment != null && fragment.contains("?")) {
            idx = file.text().indexOf(fragment.substring(0, fragment.indexOf('?')));
        }
        String where = idx < 0 ? "" : ":" + WorkflowFile.lineOf(file.text(), idx);
        return new InvalidInputException(file.path() + where + ": " + why);
    }
}
