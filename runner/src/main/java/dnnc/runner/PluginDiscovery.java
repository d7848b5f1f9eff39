package dnnc.runner;

import dnnc.api.InvalidInputException;
import dnnc.api.Plugin;
import dnnc.api.PluginInfo;
import dnnc.api.PluginKind;
import dnnc.api.PluginProvider;
import dnnc.api.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The plugin and stage classes every {@link PluginProvider} lists, found through {@link ServiceLoader} on the
 * classpath and in the jars of the plugins folder. Checked once here, so a bad jar is one line of error naming it:
 * a class that implements no plugin kind or lacks {@link PluginInfo}, or a name two classes of one kind claim.
 */
public final class PluginDiscovery {
    /** The environment variable naming the plugins folder; without it, {@link #DEFAULT_FOLDER} under the home folder. */
    public static final String FOLDER_VARIABLE = "DNNC_PLUGINS";
    public static final String DEFAULT_FOLDER = ".dnnc/plugins";

    private final Map<PluginKind, Map<String, Class<? extends Plugin>>> plugins = new EnumMap<>(PluginKind.class);
    private final Map<PluginKind, Class<? extends Stage<?>>> stages = new EnumMap<>(PluginKind.class);

    private final ClassLoader loader;

    private PluginDiscovery(ClassLoader loader, String where) {
        this.loader = loader;
        for (PluginKind kind : PluginKind.values()) {
            plugins.put(kind, new LinkedHashMap<>());
        }
        try {
            for (PluginProvider provider : ServiceLoader.load(PluginProvider.class, loader)) {
                provider.plugins().forEach(type -> add(provider, type));
                provider.stages().forEach(this::addStage);
            }
        } catch (ServiceConfigurationError e) {
            throw new InvalidInputException("a plugin provider " + where + " could not be loaded: " + e.getMessage()
                    + "; remove or fix the jar that lists it");
        }
    }

    /** The classpath's providers and those of every jar in the plugins folder. */
    public static PluginDiscovery fromPluginsFolder() {
        String named = System.getenv(FOLDER_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path folder = Path.of(named);
            if (!Files.isDirectory(folder)) {
                throw new InvalidInputException("plugins folder " + folder + " (from " + FOLDER_VARIABLE
                        + ") is not a folder; expected a folder of plugin jars");
            }
            return in(folder);
        }
        return in(Path.of(System.getProperty("user.home"), DEFAULT_FOLDER));
    }

    /** The classpath's providers and those of every jar in {@code folder} (none when it does not exist). */
    public static PluginDiscovery in(Path folder) {
        ClassLoader parent = PluginDiscovery.class.getClassLoader();
        List<Path> jars = jars(folder);
        if (jars.isEmpty()) {
            return new PluginDiscovery(parent, "on the classpath");
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        // Never closed: the plugins' classes are used until the process ends.
        return new PluginDiscovery(new URLClassLoader(urls, parent), "on the classpath or in the plugins folder " + folder);
    }

    /** Loads the plugins' classes (the plugins folder's jars, then the classpath). */
    public ClassLoader loader() {
        return loader;
    }

    /** Plugin classes of one kind by name, in the order their providers listed them. */
    public Map<String, Class<? extends Plugin>> plugins(PluginKind kind) {
        return plugins.get(kind);
    }

    public Map<PluginKind, Class<? extends Stage<?>>> stages() {
        return stages;
    }

    private void add(PluginProvider provider, Class<? extends Plugin> type) {
        String origin = "plugin class " + type.getName() + " of " + provider.getClass().getName() + source(provider);
        PluginInfo info = type.getAnnotation(PluginInfo.class);
        if (info == null) {
            throw new InvalidInputException(origin + " lacks @PluginInfo(name = ..., description = ...)");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new InvalidInputException(origin + " is abstract; expected a class with a public no-argument constructor");
        }
        List<PluginKind> kinds = Stream.of(PluginKind.values()).filter(k -> k.type().isAssignableFrom(type)).toList();
        if (kinds.size() != 1) {
            throw new InvalidInputException(origin + " implements " + (kinds.isEmpty() ? "no" : kinds.size())
                    + " plugin kinds; expected exactly one of " + kindInterfaces());
        }
        Class<? extends Plugin> taken = plugins.get(kinds.get(0)).putIfAbsent(info.name(), type);
        if (taken != null) {
            throw new InvalidInputException(origin + " is named '" + info.name() + "', the name of " + kinds.get(0).id()
                    + " plugin " + taken.getName() + "; give it another name");
        }
    }

    private void addStage(Class<? extends Stage<?>> type) {
        PluginKind kind;
        try {
            kind = type.getConstructor().newInstance().kind();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("stage " + type.getName() + " needs a public no-argument constructor", e);
        }
        Class<? extends Stage<?>> taken = stages.putIfAbsent(kind, type);
        if (taken != null && taken != type) {
            throw new InvalidInputException("stage " + type.getName() + " and stage " + taken.getName()
                    + " both apply " + kind.id() + " plugins; a kind has one stage");
        }
    }

    private static String source(PluginProvider provider) {
        var location = provider.getClass().getProtectionDomain().getCodeSource();
        return location == null ? "" : " (" + location.getLocation() + ")";
    }

    private static String kindInterfaces() {
        return String.join(", ", Stream.of(PluginKind.values()).map(k -> k.type().getSimpleName()).toList());
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the plugins folder " + folder, e);
        }
    }
}
