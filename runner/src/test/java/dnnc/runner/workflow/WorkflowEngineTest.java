package dnnc.runner.workflow;

import dnnc.api.InvalidInputException;
import dnnc.api.PluginKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowEngineTest {
    private static final StepValidator ACCEPT_ALL = (file, routes, camel) -> { };

    private static final String TEMPLATED = """
            - routeTemplate:
                id: cluster
                parameters:
                  - name: measure
                  - name: feature
                from:
                  uri: "direct:cluster-{{feature}}"
                  steps:
                    - to:
                        uri: "dnnc:similarity:{{measure}}?features={{feature}}"
            - templatedRoute:
                routeTemplateRef: cluster
                parameters:
                  - name: measure
                    value: "{{similarity:spearman}}"
                  - name: feature
                    value: ace
            - route:
                from:
                  uri: direct:main
                  steps:
                    - log:
                        message: "starting ${header.x}"
                    - to:
                        uri: "dnnc:data:mnist-idx?train={{train:8000}}"
                    - to:
                        uri: direct:cluster-ace
            """;

    private List<StepSpec> run(String yaml, Map<String, String> overrides) {
        WorkflowFile file = WorkflowFile.parse(Path.of("test.yaml"), yaml);
        List<StepSpec> seen = new ArrayList<>();
        try (WorkflowEngine.LoadedWorkflow wf = new WorkflowEngine(ACCEPT_ALL).load(file, file.resolveParameters(overrides), (step, repeat) -> seen.add(step))) {
            wf.run();
        }
        return seen;
    }

    @Test
    void runsStepsInOrderThroughTemplatesWithDefaultsAndOverrides() {
        List<StepSpec> steps = run(TEMPLATED, Map.of("similarity", "pearson"));
        assertEquals(2, steps.size());
        assertEquals(PluginKind.DATA, steps.get(0).kind());
        assertEquals("8000", steps.get(0).parameters().get("train"));
        assertEquals(PluginKind.SIMILARITY, steps.get(1).kind());
        assertEquals("pearson", steps.get(1).plugin());
        assertEquals("ace", steps.get(1).parameters().get("features"));
    }

    @Test
    void stepsInALoopRunAsRepeatsAndStepsAfterItAsTheMainAnalysisAgain() {
        String yaml = """
                - route:
                    from:
                      uri: direct:main
                      steps:
                        - loop:
                            expression:
                              constant: "{{repeats:3}}"
                            steps:
                              - to:
                                  uri: direct:analysis
                        - to:
                            uri: "dnnc:report:summary"
                - route:
                    from:
                      uri: direct:analysis
                      steps:
                        - to:
                            uri: "dnnc:similarity:spearman"
                """;
        WorkflowFile file = WorkflowFile.parse(Path.of("loop.yaml"), yaml);
        List<String> seen = new ArrayList<>();
        try (WorkflowEngine.LoadedWorkflow wf = new WorkflowEngine(ACCEPT_ALL).load(file, file.resolveParameters(Map.of()),
                (step, repeat) -> seen.add(step.plugin() + "#" + repeat))) {
            wf.run();
        }
        assertEquals(List.of("spearman#0", "spearman#1", "spearman#2", "summary#0"), seen);
    }

    @Test
    void templateParametersAreNotWorkflowParameters() {
        WorkflowFile file = WorkflowFile.parse(Path.of("test.yaml"), TEMPLATED);
        assertEquals(List.of("similarity", "train"), List.copyOf(file.parameterDefaults().keySet()));
    }

    @Test
    void refusesUnknownParameterOverride() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(TEMPLATED, Map.of("trian", "5")));
        assertTrue(e.getMessage().contains("no parameter 'trian'"), e.getMessage());
    }

    @Test
    void reportsYamlSyntaxErrorWithLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> WorkflowFile.parse(Path.of("bad.yaml"), "- route:\n    from: [unclosed\n"));
        assertTrue(e.getMessage().startsWith("bad.yaml:3:1: YAML syntax error"), e.getMessage());
    }

    @Test
    void refusesFileWithNoRoutes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run("[]\n", Map.of()));
        assertTrue(e.getMessage().contains("defines no routes"), e.getMessage());
    }

    @Test
    void refusesBeansAndOtherEndpoints() {
        String beans = "- beans:\n    - name: x\n      type: java.lang.ProcessBuilder\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(beans, Map.of()));
        assertTrue(e.getMessage().startsWith("test.yaml:1:3:"), e.getMessage());
        String file = "- route:\n    from:\n      uri: direct:main\n      steps:\n        - to:\n            uri: file:/tmp/x\n";
        e = assertThrows(InvalidInputException.class, () -> run(file, Map.of()));
        assertTrue(e.getMessage().contains("endpoint 'file:/tmp/x' is not allowed"), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml:6:"), e.getMessage());
        String method = "- route:\n    from:\n      uri: direct:main\n      steps:\n        - log:\n            message: \"${body.getClass()}\"\n";
        e = assertThrows(InvalidInputException.class, () -> run(method, Map.of()));
        assertTrue(e.getMessage().contains("is not allowed"), e.getMessage());
    }
}
