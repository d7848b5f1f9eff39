package dnnc.runner.cli;

import dnnc.api.ParamSpec;
import dnnc.api.Plugin;
import dnnc.api.PluginKind;
import dnnc.runner.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List every plugin by kind, with its parameters and defaults.")
public final class PluginsCommand implements Callable<Integer> {
    @Option(names = "--kind", description = "Only this kind: data, model, attribution, similarity, clustering, lesion, report.")
    String kind;

    @Override
    public Integer call() {
        PluginCatalog catalog = new PluginCatalog();
        for (PluginKind k : PluginKind.values()) {
            if (kind != null && !PluginKind.fromId(kind).equals(k)) {
                continue;
            }
            System.out.println(k.id() + ":");
            for (String name : catalog.names(k)) {
                Plugin p = catalog.create(k, name);
                System.out.println("  " + name + "  " + p.description());
                for (ParamSpec s : p.parameters()) {
                    System.out.printf("      %-18s %-16s default %-14s %s%s%n", s.name(), s.type(),
                            s.defaultValue().isEmpty() ? "\"\"" : s.defaultValue(),
                            s.range().isEmpty() ? "" : "range " + s.range() + "; ", s.description());
                }
            }
        }
        return 0;
    }
}
