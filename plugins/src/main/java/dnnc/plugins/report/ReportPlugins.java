package dnnc.plugins.report;

import com.google.inject.AbstractModule;

/** Registers the built-in report plugins (found through ServiceLoader, as a third-party module would be). */
public final class ReportPlugins extends AbstractModule {
    @Override
    protected void configure() {
    }
}
