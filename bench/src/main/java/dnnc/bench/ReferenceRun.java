package dnnc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dnnc.bench.benchmarks.WorkCounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reference pipeline (PyTorch + scikit-learn + SciPy: bench/reference in the repository, packaged with
 * dnnc) run as Python subprocesses, with their figures parsed into the same kind of keys as ours. Python gets
 * the machine's default threads (the launcher's OMP_NUM_THREADS=1 is for dnnc's JVM only).
 */
public final class ReferenceRun {
    private static final Pattern FIELD = Pattern.compile("(\\w+)=([-0-9.]+)");
    static final List<String> SCRIPTS = List.of("reference_pipeline.py", "reference_scaling.py", "reference_same_matrix.py",
            "reference_sgemm.py");
    /** Draws per alpha of the reference's ACE (its --samples). */
    public static final int ACE_DRAWS = 1000;
    /** How to set up the reference stack, printed when it did not run. */
    public static final String SETUP = "python3 -m venv ~/ref-venv && ~/ref-venv/bin/pip install -r bench/reference/requirements.txt"
            + " (docs/PERFORMANCE.md)";
    /** Columns whose pairs SciPy's kendalltau is timed on, scaled to all pairs (a full matrix takes it most of an hour). */
    static final int KENDALL_COLUMNS = 60;
    private final String python;
    private final Path scripts;
    private final Consumer<String> log;

    public ReferenceRun(String python, Path scripts, Consumer<String> log) {
        this.python = python;
        this.scripts = scripts;
        this.log = log;
    }

    /** The Python interpreter to use: $DNNC_PYTHON, then ~/ref-venv (the stack users would pick), then python3. */
    public static String defaultPython() {
        String env = System.getenv("DNNC_PYTHON");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path venv = Path.of(System.getProperty("user.home"), "ref-venv", "bin", "python");
        return Files.isExecutable(venv) ? venv.toString() : "python3";
    }

    /**
     * The folder of the reference scripts: {@code override} when given (it must hold them), else the copies
     * packaged with dnnc, written to {@code scratch}.
     */
    public static Path scripts(Path override, Path scratch) {
        if (override != null) {
            for (String script : SCRIPTS) {
                if (!Files.isRegularFile(override.resolve(script))) {
                    throw new dnnc.api.InvalidInputException("--reference " + override + ": no " + script + " there");
                }
            }
            return override;
        }
        try {
            Path folder = Files.createDirectories(scratch.resolve("reference-scripts"));
            for (String script : SCRIPTS) {
                try (InputStream in = ReferenceRun.class.getResourceAsStream("/dnnc/bench/reference/" + script)) {
                    if (in == null) {
                        throw new IllegalStateException("reference script not packaged with dnnc: " + script);
                    }
                    Files.copy(in, folder.resolve(script), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The versions of torch, scikit-learn, SciPy and NumPy; when the stack cannot be imported, an exception whose
     * message says why in one line (the interpreter is missing, or the import error).
     */
    public String versions() {
        return run(List.of(python, "-c", "import torch, sklearn, scipy, numpy; "
                + "print(f'torch {torch.__version__} (threads {torch.get_num_threads()}), scikit-learn {sklearn.__version__}, "
                + "SciPy {scipy.__version__}, NumPy {numpy.__version__}')"), false).trim();
    }

    String python() {
        return python;
    }

    /**
     * The reference figures matching what we measured: the pipeline ({@code epochs}, 1,000 draws) when any network
     * figure was taken, the scaling script at each N our clustering bench used, and the label check at N=1,700.
     */
    public Map<String, Double> figures(Path scratch, Map<String, Double> ours, Path clusteringScratch, int epochs) {
        Map<String, Double> figures = new LinkedHashMap<>();
        boolean network = ours.keySet().stream().anyMatch(k -> k.startsWith("training.") || k.startsWith("decoder.")
                || k.startsWith("ace.") || k.startsWith("pipeline.") || k.startsWith("study."));
        if (network) {
            Map<String, Double> t = pipeline(scratch, epochs, ACE_DRAWS);
            figures.putAll(t);
            figures.put("train_samples_per_s", 8000 / t.get("train_epoch"));
            figures.put("ace_all_scaled", t.get("ace_z1") * WorkCounts.ACE_ALL_INPUTS_INTERVENTIONS / WorkCounts.ACE_Z1_INTERVENTIONS);
            double forward = 20 * 10_000 / t.get("decoder_fwd_samples_per_s");
            double work = t.get("train_cvae") + forward + t.get("ace_z1") + t.get("spearman_total") + t.get("ap_total");
            figures.put("total_without_judge", work);
            figures.put("total", work + t.get("train_judge"));
        }
        for (String key : ours.keySet()) {
            Matcher n = Pattern.compile("clustering\\.spearman\\.n(\\d+)\\.s").matcher(key);
            if (n.matches()) {
                int size = Integer.parseInt(n.group(1));
                boolean kendall = ours.containsKey("clustering.kendall.n" + size + ".s");
                scaling(size, kendall).forEach((k, v) -> figures.put("n" + size + "." + k, v));
            }
        }
        if (ours.containsKey("limits.sgemm.rows")) {
            figures.putAll(sgemm(ours.get("limits.sgemm.rows").intValue(), ours.get("limits.sgemm.square").intValue()));
        }
        for (int size : ClusteringFiles.sizes(clusteringScratch)) {
            Map<String, Double> same = sameMatrix(ClusteringFiles.similarity(clusteringScratch, size), ClusteringFiles.labels(clusteringScratch, size));
            log.accept("  affinity propagation N=" + size + ": labels differing from scikit-learn's on the same matrix: "
                    + same.get("label_differences").intValue());
            figures.put("n" + size + ".label_differences", same.get("label_differences"));
            figures.put("n" + size + ".same_matrix.ap_s", same.get("ap_s"));
            figures.put("n" + size + ".same_matrix.iterations", same.get("iters"));
            figures.put("n" + size + ".same_matrix.ms_per_iteration", 1e3 * same.get("ap_s") / same.get("iters"));
        }
        return figures;
    }

    /** reference_pipeline.py on the embedded digits: seconds per stage and the derived rates. */
    Map<String, Double> pipeline(Path scratch, int epochs, int samples) {
        Path data = embeddedData(scratch.resolve("mnist-10k"));
        Path out = scratch.resolve("reference_out.json");
        run(List.of(python, scripts.resolve("reference_pipeline.py").toString(), data.toString(), "--epochs",
                Integer.toString(epochs), "--samples", Integer.toString(samples), "--out", out.toString()), true);
        try {
            JsonNode t = new ObjectMapper().readTree(out.toFile());
            Map<String, Double> figures = new LinkedHashMap<>();
            t.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    figures.put(e.getKey(), e.getValue().asDouble());
                }
            });
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out, e);
        }
    }

    /**
     * reference_scaling.py at N neurons x 1,000 samples: spearman_s, ap_s, iters, clusters, maxrss_GB, and with
     * {@code kendall} kendall_s (SciPy's pairwise kendalltau scaled to all pairs).
     */
    Map<String, Double> scaling(int n, boolean kendall) {
        List<String> command = new ArrayList<>(List.of(python, scripts.resolve("reference_scaling.py").toString(), Integer.toString(n)));
        if (kendall) {
            command.addAll(List.of("--kendall-columns", Integer.toString(KENDALL_COLUMNS)));
        }
        String line = run(command, true);
        return fields(line);
    }

    /**
     * reference_same_matrix.py: scikit-learn's AffinityPropagation (as the bench configured ours: seed 0, damping 0.5,
     * at most 200 iterations, median preference) on the similarity our bench wrote: ap_s, iters, clusters and the
     * count of labels that differ from ours.
     */
    Map<String, Double> sameMatrix(Path similarityNpy, Path ourLabels) {
        String line = run(List.of(python, scripts.resolve("reference_same_matrix.py").toString(), similarityNpy.toString(),
                ourLabels.toString()), true);
        return fields(line);
    }

    /**
     * reference_sgemm.py: torch.matmul's float32 GFLOP/s on the reference's threads at the decoder's shapes with
     * {@code rows} rows and on a {@code square}^3 product, the limits PyTorch's BLAS sets the reference's ACE.
     */
    Map<String, Double> sgemm(int rows, int square) {
        String widths = Arrays.stream(WorkCounts.decoderWidths()).mapToObj(Integer::toString).collect(Collectors.joining(","));
        return sgemmFigures(run(List.of(python, scripts.resolve("reference_sgemm.py").toString(), "--widths", widths,
                "--rows", Integer.toString(rows), "--square", Integer.toString(square)), true));
    }

    /** reference_sgemm.py's line as keys beside ours (limits.sgemm.*): sgemm.decoder.gflop_per_s and so on. */
    static Map<String, Double> sgemmFigures(String output) {
        Map<String, Double> printed = fields(output);
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String figure : List.of("decoder_gflop_per_s", "peak_gflop_per_s", "threads")) {
            Double value = printed.get(figure);
            if (value == null) {
                throw new IllegalStateException("reference_sgemm.py printed no " + figure + ": " + output.strip());
            }
            figures.put("sgemm." + figure.replaceFirst("_(?=gflop)", "."), value);
        }
        return figures;
    }

    /** The name=number fields a reference script prints. */
    private static Map<String, Double> fields(String output) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(output);
        while (m.find()) {
            figures.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return figures;
    }

    private String run(List<String> command, boolean echo) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().remove("OMP_NUM_THREADS");
        try {
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.append(line).append('\n');
                    if (echo) {
                        log.accept("  reference: " + line);
                    }
                }
            }
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " exited with " + code + ": " + output.toString().strip().lines().reduce((a, b) -> b).orElse(""));
            }
            return output.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The digits bundled with the plugins, copied out as IDX files for the Python side. */
    private static Path embeddedData(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String file : List.of("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz")) {
                try (InputStream in = ReferenceRun.class.getClassLoader().getResourceAsStream("dnnc/data/mnist-10k/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("embedded digits not on the class path: dnnc/data/mnist-10k/" + file);
                    }
                    Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
