package dnnc.runner.run;

import dnnc.api.EnvironmentInfo;
import dnnc.runner.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/** Where and with what a run ran: recorded with every run so a result can be traced and repeated. */
public final class Provenance {
    private Provenance() {
    }

    public static Map<String, String> collect() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dnnc.version", Main.VERSION);
        p.put("git.commit", gitCommit());
        p.put("java.version", System.getProperty("java.version"));
        p.put("java.vendor", System.getProperty("java.vendor"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        p.put("cpu", cpuModel());
        p.put("cpu.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        p.put("jvm.max_heap_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        for (EnvironmentInfo info : ServiceLoader.load(EnvironmentInfo.class)) {
            try {
                p.putAll(info.describe());
            } catch (RuntimeException | LinkageError e) {
                p.put(info.getClass().getSimpleName() + ".error", e.toString());
            }
        }
        return p;
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            boolean finished = git.waitFor(5, TimeUnit.SECONDS);
            if (!finished || git.exitValue() != 0) {
                return "unknown";
            }
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
            String dirty = new String(status.getInputStream().readAllBytes()).trim();
            status.waitFor(5, TimeUnit.SECONDS);
            return dirty.isEmpty() ? out : out + "+modified";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
