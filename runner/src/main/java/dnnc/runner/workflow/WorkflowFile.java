package dnnc.runner.workflow;

import dnnc.api.InvalidInputException;
import dnnc.io.Sha256;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A workflow file as read from disk: its text, hash, and the parameters its placeholders declare. */
public record WorkflowFile(Path path, String text, String sha256, Map<String, String> parameterDefaults) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*(?::([^}]*))?}}");

    public static WorkflowFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path + ": no such workflow file");
        } catch (IOException e) {
            throw new InvalidInputException(path + ": cannot read workflow file (" + e.getMessage() + ")");
        }
        return parse(path, text);
    }

    public static WorkflowFile parse(Path path, String text) {
        java.util.Set<String> templateParameters = templateParameterNames(loadYaml(path, text));
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (templateParameters.contains(name)) {
                continue;
            }
            String def = m.group(2);
            if (def != null) {
                String previous = defaults.get(name);
                if (previous != null && !previous.equals(def.trim())) {
                    throw new InvalidInputException(path + ":" + lineOf(text, m.start()) + ": parameter '" + name
                            + "' has two defaults, '" + previous + "' and '" + def.trim() + "'; give it one");
                }
                defaults.put(name, def.trim());
            } else {
                defaults.putIfAbsent(name, null);
            }
        }
        return new WorkflowFile(path, text, Sha256.hex(text), defaults);
    }

    /** The parameters with their defaults overridden by {@code overrides}; every name must be declared. */
    public Map<String, String> resolveParameters(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!parameterDefaults.containsKey(e.getKey())) {
                throw new InvalidInputException(path + " has no parameter '" + e.getKey() + "'; its parameters: "
                        + (parameterDefaults.isEmpty() ? "none" : String.join(", ", parameterDefaults.keySet())));
            }
        }
        for (Map.Entry<String, String> e : parameterDefaults.entrySet()) {
            String value = overrides.containsKey(e.getKey()) ? overrides.get(e.getKey()) : e.getValue();
            if (value == null) {
                throw new InvalidInputException(path + ": parameter '" + e.getKey() + "' has no default; give it on the command line as "
                        + e.getKey() + "=VALUE");
            }
            values.put(e.getKey(), value);
        }
        return values;
    }

    /** Names declared by route templates: their {{name}} placeholders are filled by templatedRoute, not by the user. */
    private static java.util.Set<String> templateParameterNames(java.util.List<Object> documents) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Object doc : documents) {
            if (!(doc instanceof java.util.List<?> entries)) {
                continue;
            }
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map && map.get("routeTemplate") instanceof Map<?, ?> template
                        && template.get("parameters") instanceof java.util.List<?> params) {
                    for (Object param : params) {
                        if (param instanceof Map<?, ?> pm && pm.get("name") != null) {
                            names.add(pm.get("name").toString());
                        }
                    }
                }
            }
        }
        return names;
    }

    private static java.util.List<Object> loadYaml(Path path, String text) {
        try {
            java.util.List<Object> docs = new java.util.ArrayList<>();
            new Load(LoadSettings.builder().setLabel(path.toString()).build()).loadAllFromString(text).forEach(docs::add);
            return docs;
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new InvalidInputException(path + where + ": YAML syntax error: " + e.getProblem().trim()
                    + (e.getContext() == null ? "" : " (" + e.getContext().trim() + ")"));
        } catch (YamlEngineException e) {
            throw new InvalidInputException(path + ": YAML syntax error: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }


    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
