package dnnc.plugins.report;

import dnnc.api.PluginKind;
import dnnc.api.Reporter;
import dnnc.api.RunContext;
import dnnc.api.Stage;

/** Applies a reporter: it reads what it needs from the run and writes its own files and results. */
public final class ReportStage implements Stage<Reporter> {
    @Override
    public PluginKind kind() {
        return PluginKind.REPORT;
    }

    @Override
    public void run(Reporter plugin, RunContext context) {
        plugin.report(context);
    }
}
