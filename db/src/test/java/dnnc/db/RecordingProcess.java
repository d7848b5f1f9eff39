package dnnc.db;

import dnnc.api.Recorder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
