package dnnc.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dnnc.api.InvalidInputException;
import dnnc.db.ArtifactRecord;
import dnnc.db.ReadOnlyRecords;
import dnnc.db.RerunSpec;
import dnnc.db.RunDetails;
import dnnc.db.RunSummary;
import dnnc.db.StepRecord;
import dnnc.db.WarningRecord;
import io.javalin.http.Context;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** /api/runs/{id} (everything about one run) and /runs/{id}/files/{path} (its files). */
final class RunApi {
    /** Files are shown, never trusted: no scripts, no plugins, no requests elsewhere, even when opened directly. */
    static final String FILE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'";
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private final ReadOnlyRecords records;
    private final Path runsDir;

    RunApi(ReadOnlyRecords records, Path runsDir) {
        this.records = records;
        this.runsDir = runsDir;
    }

    void details(Context ctx) {
        String id = ctx.pathParam("id");
        RunDetails run = known(records, id, () -> records.details(id));
        RerunSpec rerun = records.rerunSpec(id);
        ctx.json(json(run, rerun, runsDir));
    }

    void file(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String path = ctx.pathParam("path");
        Path folder = known(records, id, () -> records.outputDir(id));
        Path file = RunFiles.resolve(folder, path).orElseThrow(() ->
                new UnknownRunException("run " + id + " has no file '" + path + "'"));
        ctx.header("Content-Security-Policy", FILE_POLICY);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        RunFiles.shownType(path).ifPresentOrElse(ctx::contentType, () -> {
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        });
        ctx.result(Files.newInputStream(file));
    }

    /** Reads something of a run, turning "no such run" into a 404. */
    static <T> T known(ReadOnlyRecords records, String id, java.util.function.Supplier<T> read) {
        try {
            records.summary(id);
        } catch (InvalidInputException e) {
            throw new UnknownRunException("no run '" + id + "' in this record store; the runs table at / lists them");
        }
        return read.get();
    }

    static ObjectNode json(RunDetails run, RerunSpec rerun, Path runsDir) {
        ObjectNode json = WebJson.object();
        json.set("summary", summary(run.summary()));
        json.put("workflowSha256", run.workflowSha256());
        json.put("workflowText", rerun.workflowText());
        json.put("outputDir", run.outputDir());
        json.put("dnncVersion", run.dnncVersion());
        json.put("host", run.host());
        json.put("pid", run.pid());
        json.set("parameters", flat(run.flatParameters()));
        json.set("provenance", WebJson.NODES.pojoNode(run.provenance()));
        json.set("inputs", WebJson.NODES.pojoNode(run.inputHashes()));
        json.set("results", run.results());
        ArrayNode steps = json.putArray("steps");
        for (StepRecord step : run.steps()) {
            ObjectNode s = steps.addObject().put("ordinal", step.ordinal()).put("step", step.stepId())
                    .put("plugin", (step.pluginKind() == null ? "" : step.pluginKind() + ":") + step.pluginName())
                    .put("status", step.status().sqlName()).put("error", step.error());
            s.set("started", WebJson.instant(step.startedAt()));
            s.set("ended", WebJson.instant(step.endedAt()));
            if (step.endedAt() != null) {
                s.put("seconds", Duration.between(step.startedAt(), step.endedAt()).toMillis() / 1000.0);
            }
            s.set("parameters", step.parameters());
        }
        ArrayNode warnings = json.putArray("warnings");
        for (WarningRecord warning : run.warnings()) {
            warnings.addObject().put("step", warning.stepOrdinal()).put("message", warning.message())
                    .set("recorded", WebJson.instant(warning.recordedAt()));
        }
        ArrayNode artifacts = json.putArray("artifacts");
        String report = null;
        for (ArtifactRecord artifact : run.artifacts()) {
            String url = fileUrl(run.summary().id(), artifact.path());
            artifacts.addObject().put("path", artifact.path()).put("url", url).put("bytes", artifact.sizeBytes())
                    .put("sha256", artifact.sha256()).put("description", artifact.description())
                    .put("kind", RunFiles.kind(artifact.path())).put("step", artifact.stepOrdinal());
            if (artifact.path().equals("report.html")) {
                report = url;
            }
        }
        json.put("report", report);
        ObjectNode data = json.putObject("data");
        run.tableRowCounts().forEach((name, rows) -> data.put("table " + name, rows + " rows"));
        run.arrayShapes().forEach((name, shape) -> data.put("array " + name, shape.toString()));
        ArrayNode commands = json.putArray("rerun");
        rerunCommands(rerun, runsDir).forEach(commands::add);
        return json;
    }

    static ObjectNode summary(RunSummary run) {
        ObjectNode json = WebJson.object().put("id", run.id()).put("status", run.status().sqlName())
                .put("workflow", run.workflowPath()).put("seed", run.seed()).put("error", run.error());
        json.set("started", WebJson.instant(run.startedAt()));
        json.set("ended", WebJson.instant(run.endedAt()));
        run.duration().ifPresent(d -> json.put("duration", d.toMillis() / 1000.0));
        return json;
    }

    private static ObjectNode flat(Map<String, JsonNode> values) {
        ObjectNode json = WebJson.object();
        values.forEach(json::set);
        return json;
    }

    /** The same run again: from its record (the text it ran), or from today's workflow file with its parameters. */
    static List<String> rerunCommands(RerunSpec rerun, Path runsDir) {
        String runs = " --runs " + shellWord(runsDir.toString());
        List<String> commands = new ArrayList<>();
        commands.add("./dnnc runs rerun " + rerun.runId() + runs);
        String parameters = rerun.parameters().entrySet().stream()
                .map(e -> shellWord(e.getKey() + "=" + e.getValue())).collect(Collectors.joining(" "));
        commands.add("./dnnc run " + shellWord(rerun.workflowPath().toString()) + (parameters.isEmpty() ? "" : " " + parameters) + runs);
        return commands;
    }

    static String shellWord(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    static String fileUrl(String runId, String path) {
        return "/runs/" + encode(runId) + "/files/" + Arrays.stream(path.split("/")).map(RunApi::encode)
                .collect(Collectors.joining("/"));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
