package dnnc.runner.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Workflows are code: every way to instantiate a class, call a method or reach an endpoint other than direct:,
 * dnnc: and log: is refused before anything runs, with a message saying what is not allowed. A marker file
 * shows that none of the attacks had an effect, and nothing is put on record.
 */
class WorkflowAttackTest {
    @TempDir
    static Path work;
    static Path runs;
    static Path marker;

    @BeforeAll
    static void folders() {
        runs = work.resolve("runs");
        marker = work.resolve("pwned");
    }

    private record Attack(String name, String yaml, String[] parameters, String... expected) {
        Attack(String name, String yaml, String... expected) {
            this(name, yaml, new String[0], expected);
        }
    }

    /** A workflow whose direct:main route runs {@code steps} (YAML list items, indented 8). */
    private static String route(String steps) {
        return "- route:\n    from:\n      uri: direct:main\n      steps:\n" + steps;
    }

    private static final String LOAD = "        - to:\n            uri: \"dnnc:data:mnist-idx?train=10&held-out=10\"\n";

    private static List<Attack> attacks() {
        String m = marker.toString();
        List<Attack> a = new ArrayList<>();
        // instantiating classes
        a.add(new Attack("beans section", "- beans:\n    - name: p\n      type: java.lang.ProcessBuilder\n" + route(LOAD),
                ":1:", "only `- route:`"));
        a.add(new Attack("#class: reference in endpoint options", route("        - to:\n            uri: log:x\n            parameters:\n"
                + "              exchangeFormatter: \"#class:java.lang.ProcessBuilder\"\n"), ":8:", "refers to a Java class or bean"));
        a.add(new Attack("#type: reference", route("        - to:\n            uri: \"log:x?exchangeFormatter=#type:java.lang.Object\"\n"),
                ":6:", "refers to a Java class or bean"));
        a.add(new Attack("#bean: reference", route("        - to:\n            uri: \"log:x?exchangeFormatter=#bean:x\"\n"),
                ":6:", "refers to a Java class or bean"));
        a.add(new Attack("route policy by class", "- route:\n    routePolicy: \"#class:java.lang.Object\"\n    from:\n      uri: direct:main\n"
                + "      steps:\n" + LOAD, ":2:", "refers to a Java class or bean"));
        a.add(new Attack("split strategy by class", route("        - split:\n            simple: \"${body}\"\n"
                + "            aggregationStrategy: \"#class:java.lang.Object\"\n            steps:\n" + LOAD.replace("        ", "              ")),
                ":7:", "refers to a Java class or bean"));
        // calling methods
        a.add(new Attack("method call in a log message", route("        - log: \"${body.getClass()}\"\n"),
                "${body.getClass()}", "not allowed"));
        a.add(new Attack("method call through $simple{}", route("        - log: \"$simple{body.getClass().getName()}\"\n"),
                "not allowed"));
        a.add(new Attack("method call in a choice", route("        - choice:\n            when:\n              - simple: \"${body.getClass().forName('java.lang.Runtime')}\"\n"
                + "                steps:\n" + LOAD.replace("        ", "                  ")), "not allowed"));
        a.add(new Attack("bean call in a loop count", route("        - loop:\n            simple: \"${bean:x?method=y}\"\n            steps:\n"
                + LOAD.replace("        ", "              ")), "not allowed"));
        a.add(new Attack("method call in a split", route("        - split:\n            simple: \"${exchangeProperty.x.toString()}\"\n            steps:\n"
                + LOAD.replace("        ", "              ")), "not allowed"));
        a.add(new Attack("groovy split", route("        - split:\n            groovy: \"new File('" + m + "').text = 'x'\"\n            steps:\n"
                + LOAD.replace("        ", "              ")), "`groovy` is not allowed"));
        a.add(new Attack("tokenize language", route("        - split:\n            tokenize: \",\"\n            steps:\n"
                + LOAD.replace("        ", "              ")), "tokenize", "not allowed"));
        a.add(new Attack("method step", route("        - method:\n            beanType: java.lang.Runtime\n            method: exec\n"),
                ":5:", "`method` is not allowed"));
        a.add(new Attack("bean step", route("        - bean:\n            beanType: java.lang.Runtime\n"), ":5:", "`bean` is not allowed"));
        a.add(new Attack("process step", route("        - process:\n            ref: x\n"), ":5:", "`process` is not allowed"));
        a.add(new Attack("script step", route("        - script:\n            groovy: \"1\"\n"), ":5:", "`script` is not allowed"));
        a.add(new Attack("setBody", route("        - setBody:\n            simple: \"x\"\n"), ":5:", "`setBody` is not allowed"));
        a.add(new Attack("setHeader", route("        - setHeader:\n            name: x\n            constant: \"y\"\n"), "`setHeader` is not allowed"));
        a.add(new Attack("filter", route("        - filter:\n            simple: \"${body}\"\n            steps:\n"
                + LOAD.replace("        ", "              ")), "`filter` is not allowed"));
        // other endpoints
        a.add(new Attack("file endpoint inside a choice branch", route("        - choice:\n            when:\n              - simple: \"${body} == ''\"\n"
                + "                steps:\n                  - to: \"file:" + work + "\"\n            otherwise:\n              steps:\n"
                + "                - to: \"exec:touch\"\n"), "'file:", "direct:, dnnc: and log: only"));
        a.add(new Attack("bad plugin parameter inside a choice branch", route("        - choice:\n            when:\n              - simple: \"${body} == ''\"\n"
                + "                steps:\n                  - to: \"dnnc:data:mnist-idx?train=-1\"\n"), "'train'", "[1, inf)"));
        a.add(new Attack("file endpoint", route("        - to: \"file:" + work + "?fileName=pwned\"\n"), ":5:", "'file:", "direct:, dnnc: and log: only"));
        a.add(new Attack("exec endpoint", route("        - to: \"exec:touch?args=" + m + "\"\n"), "'exec:touch", "direct:, dnnc: and log: only"));
        a.add(new Attack("http endpoint", route("        - to: \"http://127.0.0.1:9/x\"\n"), "'http:", "direct:, dnnc: and log: only"));
        a.add(new Attack("sql endpoint", route("        - to: \"sql:drop table runs\"\n"), "'sql:", "direct:, dnnc: and log: only"));
        a.add(new Attack("bean endpoint", route("        - to: \"bean:java.lang.Runtime?method=getRuntime\"\n"), "'bean:", "direct:, dnnc: and log: only"));
        a.add(new Attack("class endpoint", route("        - to: \"class:java.lang.ProcessBuilder\"\n"), "'class:", "direct:, dnnc: and log: only"));
        a.add(new Attack("language endpoint", route("        - to: \"language:groovy:1\"\n"), "'language:", "direct:, dnnc: and log: only"));
        a.add(new Attack("upper-case scheme", route("        - to: \"FILE:" + work + "\"\n"), "'FILE:", "direct:, dnnc: and log: only"));
        a.add(new Attack("scheme after a space", route("        - to: \" file:" + work + "\"\n"), "file:", "direct:, dnnc: and log: only"));
        a.add(new Attack("toD", route("        - toD: \"file:" + work + "\"\n"), ":5:", "`toD` is not allowed"));
        a.add(new Attack("wireTap", route("        - wireTap: \"file:" + work + "\"\n"), "`wireTap` is not allowed"));
        a.add(new Attack("enrich", route("        - enrich:\n            constant: \"file:" + work + "\"\n"), "`enrich` is not allowed"));
        a.add(new Attack("recipientList", route("        - recipientList:\n            constant: \"file:" + work + "\"\n"), "`recipientList` is not allowed"));
        a.add(new Attack("timer consumer", "- route:\n    from:\n      uri: \"timer:x\"\n      steps:\n" + LOAD, "timer:x", "direct:<name>"));
        a.add(new Attack("file consumer", "- route:\n    from:\n      uri: \"file:" + work + "\"\n      steps:\n" + LOAD, "direct:<name>"));
        a.add(new Attack("rest section", "- rest:\n    get:\n      - path: /x\n" + route(LOAD), ":1:", "only `- route:`"));
        a.add(new Attack("route configuration", "- routeConfiguration:\n    onException: []\n" + route(LOAD), ":1:", "only `- route:`"));
        a.add(new Attack("error handler", "- route:\n    errorHandler:\n      deadLetterChannel:\n        deadLetterUri: \"file:" + work + "\"\n"
                + "    from:\n      uri: direct:main\n      steps:\n" + LOAD, ":2:", "`errorHandler` is not allowed"));
        a.add(new Attack("kamelet", route("        - kamelet:\n            name: x\n"), "`kamelet` is not allowed"));
        // through templates and placeholders
        String template = "- routeTemplate:\n    id: t\n    parameters:\n      - name: target\n    from:\n      uri: direct:t\n      steps:\n"
                + "        - to: \"{{target}}\"\n- templatedRoute:\n    routeTemplateRef: t\n    parameters:\n      - name: target\n"
                + "        value: \"file:" + work + "\"\n" + route("        - to: direct:t\n");
        a.add(new Attack("template parameter expanding to file:", template, "'file:", "direct:, dnnc: and log: only"));
        String templateFrom = "- routeTemplate:\n    id: t\n    parameters:\n      - name: start\n    from:\n      uri: \"{{start}}\"\n      steps:\n"
                + LOAD + "- templatedRoute:\n    routeTemplateRef: t\n    parameters:\n      - name: start\n        value: \"timer:tick\"\n" + route(LOAD);
        a.add(new Attack("template parameter expanding to a timer consumer", templateFrom, "timer:tick", "direct:<name>"));
        String templateBean = "- routeTemplate:\n    id: t\n    beans:\n      - name: p\n        type: java.lang.ProcessBuilder\n    from:\n"
                + "      uri: direct:t\n      steps:\n" + LOAD + route(LOAD);
        a.add(new Attack("template beans", templateBean, ":3:", "`beans` is not allowed"));
        a.add(new Attack("placeholder default expanding to exec:", route("        - to: \"{{sink:exec:touch}}\"\n"), "exec:touch", "direct:, dnnc: and log: only"));
        a.add(new Attack("placeholder given on the command line", route("        - to: \"{{sink:log:x}}\"\n"), new String[] {"sink=file:" + work},
                "'file:", "direct:, dnnc: and log: only"));
        a.add(new Attack("placeholder reading the environment", route("        - to: \"dnnc:data:mnist-idx?dir={{env:HOME}}\"\n"),
                "{{env:HOME}}", "only their own parameters"));
        a.add(new Attack("placeholder reading a system property", route("        - to: \"log:{{sys:user.home}}\"\n"),
                "{{sys:user.home}}", "only their own parameters"));
        a.add(new Attack("command-line value holding a placeholder function", route("        - to: \"dnnc:data:mnist-idx?dir={{data:embedded}}\"\n"),
                new String[] {"data={{env:HOME}}"}, "{{env:HOME}}", "only their own parameters"));
        a.add(new Attack("log endpoint option outside the whitelist", route("        - to: \"log:x?sourceLocationLoggerName=true\"\n"),
                "log option 'sourceLocationLoggerName'", "allowed: "));
        a.add(new Attack("log option holding a reference", route("        - to: \"log:x?exchangeFormatter=#x\"\n"),
                "log option 'exchangeFormatter'", "allowed: "));
        a.add(new Attack("parameter value injecting a log option", route("        - to: \"log:{{name:x}}\"\n"),
                new String[] {"name=x?exchangeFormatter=formatter"}, "log option 'exchangeFormatter'", "allowed: "));
        StringBuilder bomb = new StringBuilder("- route:\n    id: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("    n").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(9))
                    .append("*a").append(i - 1).append("]\n");
        }
        a.add(new Attack("YAML alias bomb", bomb + "    from:\n      uri: direct:main\n      steps:\n" + LOAD, "YAML", "aliases"));
        a.add(new Attack("dnnc step as a consumer", "- route:\n    from:\n      uri: \"dnnc:data:mnist-idx\"\n      steps:\n" + LOAD, "direct:<name>"));
        return a;
    }

    @TestFactory
    Stream<DynamicTest> everyAttackIsRefusedBeforeAnythingRuns() {
        return attacks().stream().map(attack -> DynamicTest.dynamicTest(attack.name, () -> {
            Path file = work.resolve(attack.name.replaceAll("[^A-Za-z0-9]+", "-") + ".yaml");
            Files.writeString(file, attack.yaml);
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--runs", runs.toString()));
            args.addAll(List.of(attack.parameters));
            Cli cli = Cli.dnnc(args.toArray(String[]::new));
            String[] expected = new String[attack.expected.length + 1];
            expected[0] = file.toString();
            System.arraycopy(attack.expected, 0, expected, 1, attack.expected.length);
            cli.assertRefused(expected);
            assertFalse(Files.exists(marker), "the attack had no effect");
            assertFalse(Files.exists(runs.resolve("records.mv.db")), "nothing recorded");
        }));
    }

    /** The whitelist still lets through what workflows are for: plugin steps, direct routes, log, loop, choice, split. */
    @Test
    void whatWorkflowsAreForStillRuns() throws IOException {
        Path file = work.resolve("allowed.yaml");
        Files.writeString(file, "- route:\n    from:\n      uri: direct:main\n      steps:\n        - log: \"start ${routeId}\"\n"
                + "        - to: \"log:dnnc?level=DEBUG\"\n        - loop:\n            constant: \"2\"\n            steps:\n"
                + "              - to: direct:load\n        - choice:\n            when:\n              - simple: \"${header.x} == 'y'\"\n"
                + "                steps:\n                  - to: direct:load\n            otherwise:\n              steps:\n"
                + "                - log: \"no x\"\n- route:\n    from:\n      uri: direct:load\n      steps:\n" + LOAD);
        Cli cli = Cli.dnnc("run", file.toString(), "--runs", work.resolve("allowed-runs").toString()).assertSucceeded();
        assertEquals(1, StoreDigest.runCount(work.resolve("allowed-runs")), cli.out());
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
