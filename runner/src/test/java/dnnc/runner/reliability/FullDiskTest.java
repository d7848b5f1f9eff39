package dnnc.runner.reliability;

import dnnc.db.RecordStore;
import dnnc.db.RunStatus;
import dnnc.db.RunSummary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write that fails in the middle of a run (the model cache on a full disk, or a cache folder that became
 * unusable between steps): one line says which file and why, the run is on record as failed with that reason,
 * no partial file is left under a model's name, and once the disk has room a rerun succeeds.
 */
class FullDiskTest {
    @TempDir
    Path work;

    @Test
    void modelCacheOnAFullTmpfs() throws Exception {
        Path disk = Files.createDirectories(work.resolve("small-disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()) == 0,
                "needs root with mount permission (CI runs as root); the cache-folder test below covers the same path");
        try {
            Path cache = disk.resolve("cache");
            Path filler = fill(disk, 48 * 1024);
            Path runs = work.resolve("runs");
            Cli failed = Cli.dnnc("run", Cli.resource("model.yaml").toString(), "--runs", runs.toString(), "--cache", cache.toString());
            assertFailedWithOneLine(failed, "could not write cached model", "No space left on device", "free some space");
            assertRecordedAsFailed(runs, failed.runId(), "No space left on device");
            assertNoModelFiles(cache);

            Files.delete(filler);
            Cli rerun = Cli.dnnc("runs", "rerun", failed.runId(), "--runs", runs.toString(), "--cache", cache.toString()).assertSucceeded();
            assertRecorded(runs, rerun.runId(), RunStatus.SUCCEEDED);
        } finally {
            run("umount", disk.toString());
        }
    }

    @Test
    void runsFolderOnAFullTmpfs() throws Exception {
        Path disk = Files.createDirectories(work.resolve("small-runs-disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()) == 0,
                "needs root with mount permission (CI runs as root)");
        try {
            Path runs = disk.resolve("runs");
            Cli earlier = Cli.dnnc("run", Cli.resource("load.yaml").toString(), "--runs", runs.toString()).assertSucceeded();
            String earlierRecord = record(runs, earlier.runId());
            Path filler = fill(disk, 160 * 1024);
            // figures, tables and records of a real pipeline outgrow what is left
            Cli failed;
            try (DnncProcess process = DnncProcess.start(work.resolve("out.txt"), "run", Cli.resource("pipeline.yaml").toString(),
                    "--runs", runs.toString(), "--cache", work.resolve("cache").toString())) {
                int exit = process.waitFor();
                failed = new Cli(exit, Files.readString(work.resolve("out.txt")), process.stderr());
            }
            assertFailedWithOneLine(failed, "No space left on device", "free some space");

            Files.delete(filler);
            assertEquals(earlierRecord, record(runs, earlier.runId()), "the earlier run is intact");
            Cli list = Cli.dnnc("runs", "list", "--runs", runs.toString()).assertSucceeded();
            String line = list.out().lines().filter(l -> l.startsWith(failed.runId())).findFirst().orElseThrow();
            assertTrue(line.contains("failed") || line.contains("interrupted"), line);
            Cli after = Cli.dnnc("run", Cli.resource("load.yaml").toString(), "--runs", runs.toString()).assertSucceeded();
            assertRecorded(runs, after.runId(), RunStatus.SUCCEEDED);
        } finally {
            run("umount", disk.toString());
        }
    }

    private static String record(Path runs, String runId) {
        try (RecordStore store = RecordStore.open(runs)) {
            return store.showRun(runId).toString();
        }
    }

    @Test
    void cacheFolderMadeUnusableBetweenSteps() throws Exception {
        Path cache = Files.createDirectories(work.resolve("cache"));
        Path inTheWay = Files.writeString(cache.resolve("cbeta-vae"), "a file where the model folder goes");
        Path runs = work.resolve("runs");
        Cli failed = Cli.dnnc("run", Cli.resource("model.yaml").toString(), "--runs", runs.toString(), "--cache", cache.toString());
        assertFailedWithOneLine(failed, "could not write cached model", inTheWay.toString(), "a file is in the way");
        assertRecordedAsFailed(runs, failed.runId(), "a file is in the way");

        Files.delete(inTheWay);
        Cli rerun = Cli.dnnc("runs", "rerun", failed.runId(), "--runs", runs.toString(), "--cache", cache.toString()).assertSucceeded();
        assertRecorded(runs, rerun.runId(), RunStatus.SUCCEEDED);
        try (Stream<Path> files = Files.list(cache.resolve("cbeta-vae"))) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".model")).count());
        }
    }

    /** Apart from progress lines ("[stage] ..."), stderr is one line naming the file and the reason, without a stack trace. */
    private static void assertFailedWithOneLine(Cli cli, String... expected) {
        assertEquals(1, cli.exit(), cli.err());
        List<String> lines = cli.err().lines().filter(l -> !l.startsWith("[")).toList();
        new Cli(cli.exit(), cli.out(), String.join("\n", lines)).assertRefused(expected);
    }

    private static void assertRecordedAsFailed(Path runs, String runId, String reason) {
        RunSummary summary = assertRecorded(runs, runId, RunStatus.FAILED);
        assertTrue(summary.error().contains(reason), summary.error());
    }

    private static RunSummary assertRecorded(Path runs, String runId, RunStatus status) {
        try (RecordStore store = RecordStore.open(runs)) {
            RunSummary summary = store.summary(runId);
            assertEquals(status, summary.status());
            return summary;
        }
    }

    private static void assertNoModelFiles(Path cache) throws IOException {
        if (!Files.exists(cache.resolve("cbeta-vae"))) {
            return;
        }
        try (Stream<Path> files = Files.list(cache.resolve("cbeta-vae"))) {
            assertEquals(List.of(), files.toList(), "neither a model nor a part file is left");
        }
    }

    /** Fills the file system until about {@code leaveBytes} are free; the filler file. */
    private static Path fill(Path disk, long leaveBytes) throws IOException {
        Path filler = disk.resolve("filler");
        long free = Files.getFileStore(disk).getUsableSpace();
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written + block.length <= free - leaveBytes; written += block.length) {
                out.write(block);
            }
        }
        assertFalse(Files.getFileStore(disk).getUsableSpace() > 2 * leaveBytes, "the disk is nearly full");
        return filler;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
