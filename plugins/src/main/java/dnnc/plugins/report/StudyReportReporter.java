package dnnc.plugins.report;

import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Recorder;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.io.AtomicFile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study as one self-contained page, {@code report.html} in the run folder: every figure the earlier steps
 * drew (embedded), table 3.1 beside the study's numbers, the six findings of METHODS.md section 6 each with the study's
 * statement and number, ours, and a verdict by a stated rule, then the run's parameters, provenance and how to
 * rerun it. Steps the workflow lacked leave their sections saying so. Records findings.checks.&lt;finding&gt;
 * (verdict and our number) and report.file.
 */
@PluginInfo(name = "study-report", description = "the study as one self-contained HTML page (report.html): figures 3.1-3.7 and 4.1, "
        + "table 3.1, the six findings checked against the study's numbers, parameters, provenance and how to rerun")
public final class StudyReportReporter implements Reporter {
    static final String FILE = "report.html";

    @Param(description = "digit the study draws (as the other steps' target)", min = 0)
    private int target = 5;

    @Param(description = "significance level of the lesion tests when the lesion step did not record its verdicts", min = 0, max = 1,
            minExclusive = true, maxExclusive = true)
    private double significance = 0.05;

    @Override
    public void report(RunContext context) {
        StudyEvidence evidence = StudyEvidence.gather(context, significance);
        List<Finding> findings = evidence.findings();
        record(context.recorder(), findings);
        String html = new StudyReportPage(context.outputDir(), context.info(), evidence, findings, target).render();
        Path file = AtomicFile.writeString(context.outputDir().resolve(FILE), html);
        context.recorder().artifact(file, "the study report: one self-contained page (figures embedded)");
        context.recorder().result("report.file", FILE);
    }

    private static void record(Recorder recorder, List<Finding> findings) {
        for (Finding f : findings) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("verdict", f.verdict().text());
            v.put("ours", f.ours());
            v.put("study", f.studyNumber());
            v.put("rule", f.rule());
            recorder.result("findings.checks." + f.number() + "_" + f.key(), v);
        }
    }
}
