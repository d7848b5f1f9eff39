package dnnc.runner.cli;

import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.api.PluginKind;
import dnnc.api.Progress;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;
import dnnc.runner.PluginCatalog;
import dnnc.runner.matrixio.MatrixFiles;
import dnnc.runner.matrixio.SimilarityMatrices;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Clusters the columns (variables) of a matrix.",
                "With --measure, the input is samples x variables and the similarity is computed first; with "
                        + "--precomputed, the input is a square similarity (rows/columns of NaN = excluded variables).",
                "Output: CSV 'variable,label', one line per input column; label -1 = excluded constant column "
                        + "(or no cluster formed: see the warnings)."})
public final class ClusterCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV or NPY matrix")
    Path input;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--measure", paramLabel = "NAME", description = "similarity plugin applied to samples x variables input")
        String measure;

        @Option(names = "--precomputed", description = "the input already is a square similarity matrix")
        boolean precomputed;
    }

    @Option(names = "--algorithm", defaultValue = "affinity-propagation", paramLabel = "NAME",
            description = "clustering plugin: affinity-propagation (default), kmeans, agglomerative, spectral")
    String algorithm;

    @Option(names = "--preference", paramLabel = "P|median|auto", description = "affinity propagation's preference (default median)")
    String preference;

    @Option(names = "--damping", paramLabel = "D", description = "affinity propagation's damping in [0.5, 1) (default 0.5)")
    String damping;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "random seed (default 0; AP: NumPy RandomState seed)")
    long seed;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "any other plugin parameter, e.g. --param k=10 (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "labels.csv", description = "where to write the labels")
    Path out;

    @Spec
    CommandSpec spec;

    /** The command's plugins: the similarity measure (null for --precomputed input) and the configured algorithm. */
    private record Plugins(SimilarityMeasure measure, ClusteringAlgorithm algorithm) {
    }

    @Override
    public Integer call() {
        Background<Plugins> created = Background.start(this::createPlugins);
        Matrix matrix = readInput();
        SimilarityResult precomputed = source.precomputed ? SimilarityMatrices.fromPrecomputed(input, matrix) : null;
        Plugins plugins = created.get();
        SimilarityResult similarity = precomputed != null ? precomputed : plugins.measure().similarity(matrix);
        ClusteringAlgorithm plugin = plugins.algorithm();
        Clustering c = plugin.cluster(similarity.matrix(), seed, Progress.silent());
        writeLabels(similarity, c);
        PrintWriter err = spec.commandLine().getErr();
        c.warnings().forEach(w -> err.println("warning: " + w));
        spec.commandLine().getOut().printf("%s: %d clusters over %d variables (%d excluded as constant), %d iterations, %s -> %s%n",
                plugin.name(), c.clusterCount(), similarity.variables(), similarity.variables() - similarity.kept().length,
                c.iterations(), c.converged() ? "converged" : "NOT converged", out);
        return 0;
    }

    private Plugins createPlugins() {
        PluginCatalog catalog = new PluginCatalog();
        SimilarityMeasure measure = source.precomputed ? null : (SimilarityMeasure) catalog.create(PluginKind.SIMILARITY, source.measure);
        ClusteringAlgorithm plugin = (ClusteringAlgorithm) catalog.create(PluginKind.CLUSTERING, algorithm);
        Map<String, String> values = new LinkedHashMap<>(params);
        if (preference != null) {
            values.put("preference", preference);
        }
        if (damping != null) {
            values.put("damping", damping);
        }
        plugin.configure(values);
        if (measure != null) {
            measure.warmUp();
        }
        plugin.warmUp();
        return new Plugins(measure, plugin);
    }

    private Matrix readInput() {
        if (source.precomputed) {
            Matrix s = MatrixFiles.read(input, MatrixFiles.NaNs.ALLOW);
            MatrixFiles.requireSquare(input, s);
            return s;
        }
        Matrix x = MatrixFiles.read(input, MatrixFiles.NaNs.REJECT);
        MatrixFiles.requireRows(input, x, 2);
        return x;
    }

    private void writeLabels(SimilarityResult similarity, Clustering c) {
        int[] labels = new int[similarity.variables()];
        java.util.Arrays.fill(labels, -1);
        int[] kept = similarity.kept();
        for (int k = 0; k < kept.length; k++) {
            labels[kept[k]] = c.labels()[k];
        }
        StringBuilder csv = new StringBuilder("variable,label\n");
        for (int v = 0; v < labels.length; v++) {
            csv.append(v).append(',').append(labels[v]).append('\n');
        }
        try {
            Files.writeString(out, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(out + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
