package dnnc.web;

import dnnc.api.Recorder;
import dnnc.db.NewRun;
import dnnc.db.RecordStore;
import dnnc.db.RunHandle;
import dnnc.db.RunStatus;
import dnnc.db.StepHandle;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record store written through the db module's own writers, as runs would write it: two succeeded quick runs
 * with figures and a report, a failed run, an interrupted run whose workflow name is markup, and one still running.
 */
final class StoreFixture {
    static final String XSS_WORKFLOW = "<img src=x onerror=alert(1)>.yaml";
    static final String WORKFLOW_TEXT = "- route:\n    from:\n      uri: direct:main\n      steps: []\n";

    final String first;
    final String second;
    final String failed;
    final String interrupted;
    final String running;

    StoreFixture(RecordStore store) throws IOException {
        first = succeeded(store, 1, "4", 150.5, 0.95);
        second = succeeded(store, 2, "2", 140.25, 0.97);
        failed = failed(store);
        interrupted = interrupted(store);
        running = store.startRun(newRun("workflows/quick.yaml", 5, Map.of("epochs", "2", "seed", "5"))).id();
    }

    private static String succeeded(RecordStore store, long seed, String beta, double testBce, double accuracy) throws IOException {
        RunHandle run = store.startRun(newRun("workflows/quick.yaml", seed,
                Map.of("epochs", "2", "seed", Long.toString(seed), "beta", beta)));
        Files.createDirectories(run.outputDir());
        StepHandle data = run.startStep("data", "data", "mnist-idx", Map.of("dir", "embedded"));
        data.recorder().result("data.train", 8000);
        data.finish(RunStatus.SUCCEEDED, null);
        StepHandle model = run.startStep("model", "model", "cbeta-vae", Map.of("epochs", 2));
        Recorder recorder = model.recorder();
        recorder.result("model.test_bce", testBce);
        recorder.result("model.kl_per_latent", new double[] {0.5, 0.25});
        recorder.result("judge.test_accuracy", accuracy);
        recorder.result("clustering.ace.0.converged", true);
        recorder.result("findings.checks.1_rotation.verdict", "holds");
        recorder.warning("clustering <b>did not</b> converge at alpha 3");
        // agreement of the two succeeded runs at alpha 0 (CompareApi): ACE labels {0,0,1,2} vs {0,0,1,1}, adjusted
        // Rand index 4/7; activation labels equal, 1; critical sets {1,2,3} vs {2,3,4,5}, Jaccard 2/5
        clusters(run, recorder, "ace", seed == 1 ? "0,0,1,2" : "0,0,1,1");
        clusters(run, recorder, "activation", "0,0,1,1");
        recorder.result("findings.critical.0.neurons", seed == 1 ? new int[] {1, 2, 3} : new int[] {2, 3, 4, 5});
        image(run.outputDir().resolve("figure-3-1.png"), "png");
        recorder.artifact(run.outputDir().resolve("figure-3-1.png"), "figure 3.1: reconstruction grid");
        image(run.outputDir().resolve("latent-0.gif"), "gif");
        recorder.artifact(run.outputDir().resolve("latent-0.gif"), "z_0 over alpha (looping)");
        Files.writeString(run.outputDir().resolve("neurons.csv"), "neuron,effect\n1,0.5\n");
        recorder.artifact(run.outputDir().resolve("neurons.csv"), "per-neuron effects");
        Files.writeString(run.outputDir().resolve("report.html"),
                "<!doctype html><html><body><h1>Study report</h1><script>parent.document.title='pwned'</script></body></html>");
        recorder.artifact(run.outputDir().resolve("report.html"), "the report");
        model.finish(RunStatus.SUCCEEDED, null);
        run.finish(RunStatus.SUCCEEDED, null);
        return run.id();
    }

    private static void clusters(RunHandle run, Recorder recorder, String kind, String labels) throws IOException {
        StringBuilder csv = new StringBuilder("layer,index,label\n");
        String[] label = labels.split(",");
        for (int i = 0; i < label.length; i++) {
            csv.append("hidden1,").append(i).append(',').append(label[i]).append('\n');
        }
        Path file = run.outputDir().resolve("clusters-" + kind + "-alpha0.csv");
        Files.writeString(file, csv);
        recorder.artifact(file, "cluster labels");
    }

    private static String failed(RecordStore store) throws IOException {
        RunHandle run = store.startRun(newRun("workflows/quick.yaml", 3, Map.of("epochs", "2", "seed", "3", "beta", "4")));
        Files.createDirectories(run.outputDir());
        StepHandle step = run.startStep("model", "model", "cbeta-vae", Map.of());
        step.finish(RunStatus.FAILED, "could not write cached model: No space left on device");
        run.finish(RunStatus.FAILED, "could not write cached model: No space left on device");
        return run.id();
    }

    private static String interrupted(RecordStore store) throws IOException {
        RunHandle run = store.startRun(newRun(XSS_WORKFLOW, 4, Map.of("epochs", "30", "seed", "4", "note", "<script>alert(2)</script>")));
        Files.createDirectories(run.outputDir());
        run.startStep("data", "data", "mnist-idx", Map.of());
        run.finish(RunStatus.INTERRUPTED, null);
        return run.id();
    }

    static NewRun newRun(String workflow, long seed, Map<String, String> parameters) {
        return new NewRun(Path.of(workflow), WORKFLOW_TEXT, new LinkedHashMap<>(parameters), seed, "0.1.0-test",
                Map.of("jdk", "17", "git.commit", "abc123"));
    }

    private static void image(Path file, String format) throws IOException {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 28; i++) {
            image.setRGB(i, i, 0xffffff);
        }
        ImageIO.write(image, format, file.toFile());
    }

    static List<String> succeededIds(StoreFixture f) {
        return List.of(f.first, f.second);
    }
}
