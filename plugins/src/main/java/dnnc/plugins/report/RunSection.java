package dnnc.plugins.report;

import dnnc.api.RunInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last section of every report: the run's parameters, provenance and the commands that repeat it. */
final class RunSection {
    private RunSection() {
    }

    static void append(HtmlPage page, Path folder, RunInfo info) {
        page.heading(2, "run", "The run: parameters, provenance, how to rerun");
        String runsDir = folder.getParent() == null ? "runs" : folder.getParent().toString();
        page.paragraph("Run " + info.runId() + " of workflow " + info.workflowPath() + " (sha256 " + info.workflowSha256()
                + "), master seed " + info.seed() + ". The same numbers again, from the recorded workflow text:");
        page.preformatted("./dnnc runs rerun " + info.runId() + " --runs " + shellWord(runsDir));
        StringBuilder command = new StringBuilder("./dnnc run ").append(shellWord(info.workflowPath()));
        info.parameters().forEach((k, v) -> command.append(' ').append(shellWord(k + "=" + v)));
        command.append(" --runs ").append(shellWord(runsDir));
        page.paragraph("or from the workflow file as it is now, with every parameter spelled out:");
        page.preformatted(command.toString());
        List<List<String>> parameters = new ArrayList<>();
        info.parameters().forEach((k, v) -> parameters.add(List.of(k, v)));
        page.table("Workflow parameters", List.of("parameter", "value"), parameters, null);
        List<List<String>> provenance = new ArrayList<>();
        info.provenance().forEach((k, v) -> provenance.add(List.of(k, v)));
        page.table("Provenance", List.of("what", "value"), provenance, null);
        page.paragraph("note", "Every figure above is a file in the run folder beside a CSV of the numbers it was drawn from; "
                + "results.json holds the recorded numbers, and the record store (dnnc runs show " + info.runId() + ") every step "
                + "with its parameters.");
    }

    /** A word the shell reads back unchanged. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./=:,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
