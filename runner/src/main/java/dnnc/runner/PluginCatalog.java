package dnnc.runner;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import dnnc.api.InvalidInputException;
import dnnc.api.Plugin;
import dnnc.api.PluginKind;
import dnnc.api.Stage;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every plugin dnnc can find, by kind and name, bound by name in Guice (one map per kind). The classes come from
 * {@link PluginDiscovery}: the built-in ones exactly as a third-party jar's would.
 */
public final class PluginCatalog implements dnnc.api.PluginLookup {
    private final Injector injector;
    private final ClassLoader loader;

    /** The plugins on the classpath and in the plugins folder ({@code $DNNC_PLUGINS}, else {@code ~/.dnnc/plugins/}). */
    public PluginCatalog() {
        this(PluginDiscovery.fromPluginsFolder());
    }

    PluginCatalog(PluginDiscovery discovery) {
        this.injector = Guice.createInjector(new ByName(discovery));
        this.loader = discovery.loader();
    }

    public Injector injector() {
        return injector;
    }

    /** Loads the plugins' classes, and so the classes of the units they send to workers. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** A plugin of the catalog configured as {@code ref} says. */
    @Override
    public Plugin configured(dnnc.api.PluginRef ref) {
        Plugin plugin = create(ref.kind(), ref.name());
        plugin.configure(ref.parameters());
        return plugin;
    }

    /** A fresh, unconfigured instance of the named plugin, or an error listing the valid names of the kind. */
    public Plugin create(PluginKind kind, String name) {
        Provider<? extends Plugin> provider = providers(kind).get(name);
        if (provider == null) {
            throw new InvalidInputException("unknown " + kind.id() + " plugin '" + name + "'; valid " + kind.id()
                    + " plugins: " + String.join(", ", names(kind)));
        }
        return provider.get();
    }

    public java.util.List<String> names(PluginKind kind) {
        return java.util.List.copyOf(new TreeMap<>(providers(kind)).keySet());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Provider<? extends Plugin>> providers(PluginKind kind) {
        Key<?> key = Key.get(Types.mapOf(String.class, Types.providerOf(kind.type())));
        return (Map<String, Provider<? extends Plugin>>) injector.getInstance(key);
    }

    @SuppressWarnings("unchecked")
    public <P extends Plugin> Stage<P> stage(PluginKind kind) {
        Map<PluginKind, Stage<?>> stages = injector.getInstance(Key.get(new TypeLiteral<Map<PluginKind, Stage<?>>>() { }));
        Stage<?> stage = stages.get(kind);
        if (stage == null) {
            throw new IllegalStateException("no stage is bound for plugin kind " + kind.id());
        }
        return (Stage<P>) stage;
    }

    /** Binds each discovered plugin class by its name in its kind's map, and each stage by its kind. */
    private static final class ByName extends AbstractModule {
        private final PluginDiscovery discovery;

        ByName(PluginDiscovery discovery) {
            this.discovery = discovery;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected void configure() {
            for (PluginKind kind : PluginKind.values()) {
                MapBinder<String, Plugin> byName = (MapBinder) MapBinder.newMapBinder(binder(), String.class, kind.type());
                discovery.plugins(kind).forEach((name, type) -> byName.addBinding(name).to((Class) type));
            }
            MapBinder<PluginKind, Stage<?>> stages = MapBinder.newMapBinder(binder(), new TypeLiteral<PluginKind>() { },
                    new TypeLiteral<Stage<?>>() { });
            discovery.stages().forEach((kind, type) -> stages.addBinding(kind).to((Class) type));
        }
    }
}
