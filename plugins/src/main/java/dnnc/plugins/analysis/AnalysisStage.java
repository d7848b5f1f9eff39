package dnnc.plugins.analysis;

import dnnc.api.Analysis;
import dnnc.api.PluginKind;
import dnnc.api.RunContext;
import dnnc.api.Stage;

/** Applies an analysis: it reads what earlier steps left, records its finding and leaves it for later steps. */
public final class AnalysisStage implements Stage<Analysis> {
    @Override
    public PluginKind kind() {
        return PluginKind.ANALYSIS;
    }

    @Override
    public void run(Analysis plugin, RunContext context) {
        plugin.analyse(context);
    }
}
