package dnnc.db;

import dnnc.api.Recorder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A second dnnc process, for the tests that need several real JVMs on one record store. */
public final class RecordingProcess {
    public static void main(String[] args) throws Exception {
        Path runsDir = Path.of(args[1]);
        switch (args[0]) {
            case "record" -> {
                try (RecordStore store = RecordStore.open(runsDir)) {
                    RunHandle run = store.startRun(Fixtures.newRun("workflows/" + args[2] + ".yaml", 7));
                    recordResults(run, args[2], Integer.parseInt(args[3]));
                    run.finish(RunStatus.SUCCEEDED, null);
                    System.out.println("DONE " + run.id());
                }
            }
            case "hang" -> {
                RecordStore store = RecordStore.open(runsDir);
                RunHandle run = store.startRun(Fixtures.newRun("workflows/hang.yaml", 3));
                recordResults(run, "hang", Integer.parseInt(args[2]));
                System.out.println("READY " + run.id());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            case "serve-until-told" -> {
                // a dnnc command that ends normally while another process is connected through it: its store closes,
                // then the JVM's exit closes the database the other process was writing to
                try (RecordStore store = RecordStore.open(runsDir)) {
                    store.startRun(Fixtures.newRun("workflows/serving.yaml", 5)).finish(RunStatus.SUCCEEDED, null);
                    System.out.println("READY");
                    System.out.flush();
                    System.in.read();
                }
            }
            case "hold" -> { // open as dnnc opens it (AUTO_SERVER), without migrating
                try (Connection ignored = DriverManager.getConnection(StoreLocation.of(runsDir).ownerJdbcUrl(),
                        Database.OWNER_USER, Database.OWNER_PASSWORD)) {
                    System.out.println("READY");
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            case "hold-without-auto-server" -> {
                String url = "jdbc:h2:file:" + runsDir.toAbsolutePath().resolve(StoreLocation.BASE_NAME);
                try (Connection ignored = DriverManager.getConnection(url, Database.OWNER_USER, Database.OWNER_PASSWORD)) {
                    System.out.println("READY");
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** {@code RecordingProcess args...} in a new JVM of this test's class path. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), RecordingProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    /** The process's first line of output (READY, DONE ...); its stderr in the failure when it said nothing. */
    static String firstLine(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new AssertionError("child said nothing: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return line;
    }

    static void recordResults(RunHandle run, String label, int count) {
        StepHandle step = run.startStep("record", "test", label, Map.of("count", count));
        Recorder recorder = step.recorder();
        for (int i = 0; i < count; i++) {
            recorder.result(label + ".r" + i, i);
        }
        recorder.table(label + "_table", List.of("i", "square"), List.of(List.of(2, 4), List.of(3, 9)));
        step.finish(RunStatus.SUCCEEDED, null);
    }
}
