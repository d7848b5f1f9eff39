package dnnc.runner;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import dnnc.api.InvalidInputException;
import dnnc.api.Plugin;
import dnnc.api.PluginKind;
import dnnc.api.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every plugin on the classpath, by kind and name. Plugins arrive as Guice modules found through
 * {@link ServiceLoader}: the built-in ones exactly as a third-party jar's would.
 */
public final class PluginCatalog {
    private final Injector injector;

    public PluginCatalog() {
        List<Module> modules = new ArrayList<>();
        modules.add(new EmptyKindMaps());
        ServiceLoader.load(Module.class).forEach(modules::add);
        this.injector = Guice.createInjector(modules);
    }

    public Injector injector() {
        return injector;
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

    public List<String> names(PluginKind kind) {
        return List.copyOf(new TreeMap<>(providers(kind)).keySet());
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

    /** Declares every kind's map so a kind with no plugins yet is an empty map, not a missing binding. */
    private static final class EmptyKindMaps extends AbstractModule {
        @Override
        protected void configure() {
            for (PluginKind kind : PluginKind.values()) {
                MapBinder.newMapBinder(binder(), String.class, kind.type());
            }
            MapBinder.newMapBinder(binder(), new TypeLiteral<PluginKind>() { }, new TypeLiteral<Stage<?>>() { });
        }
    }
}
