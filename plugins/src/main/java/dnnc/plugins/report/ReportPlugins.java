package dnnc.plugins.report;

import com.google.inject.AbstractModule;
import dnnc.api.PluginKind;
import dnnc.api.Reporter;
import dnnc.plugins.support.PluginBindings;

/** Registers the built-in report plugins (found through ServiceLoader, as a third-party module would be). */
public final class ReportPlugins extends AbstractModule {
    @Override
    protected void configure() {
        PluginBindings.bindStage(binder(), PluginKind.REPORT, ReportStage.class);
        PluginBindings.bindPlugin(binder(), Reporter.class, ReconstructionGridReporter.class);
        PluginBindings.bindPlugin(binder(), Reporter.class, RepeatabilityReporter.class);
        PluginBindings.bindPlugin(binder(), Reporter.class, StudyReportReporter.class);
        PluginBindings.bindPlugin(binder(), Reporter.class, LesionSensitivityReporter.class);
    }
}
