package dnnc.plugins.support;

/**
 * Whether the JDK's incubating vector API is in the boot layer ({@code --add-modules jdk.incubator.vector}, which
 * the dnnc launcher, the tests and the benchmarks pass). Code that uses it keeps a plain path for JVMs without it;
 * within one JVM the same path is always taken, so results never depend on which one ran.
 */
public final class VectorApi {
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {
    }

    /** True when the module is present and {@code -D<switchOff>=true} does not ask for the plain path. */
    public static boolean usable(String switchOff) {
        return PRESENT && !Boolean.getBoolean(switchOff);
    }
}
