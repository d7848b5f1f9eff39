package dnnc.plugins.report;

import dnnc.api.Plugin;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.util.List;

/** Registers the built-in report plugins (found through ServiceLoader, as a third-party provider would be). */
public final class ReportPlugins implements PluginProvider {
    @Override
    public List<Class<? extends Plugin>> plugins() {
        return List.of(ReconstructionGridReporter.class, RepeatabilityReporter.class, StudyReportReporter.class,
                NetworkReporter.class, OnnxExport.class);
    }

    @Override
    public List<Class<? extends Stage<?>>> stages() {
        return List.of(ReportStage.class);
    }
}
