package dnnc.runner.cli;

import dnnc.api.Matrix;
import dnnc.api.PluginKind;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;
import dnnc.runner.PluginCatalog;
import dnnc.runner.matrixio.MatrixFiles;
import dnnc.runner.matrixio.SimilarityMatrices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = {"Similarity between the columns (variables) of a samples x variables matrix.",
                "Input: CSV (optional header line) or NPY (float64/float32, C order); rows = samples (at least 2).",
                "Output: a variables x variables matrix (CSV or NPY by extension). Constant columns have no defined "
                        + "similarity: their rows and columns are NaN (dnnc cluster --precomputed reads them back as excluded)."})
public final class SimilarityCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "X.csv|X.npy", description = "samples x variables matrix")
    Path input;

    @Option(names = "--measure", defaultValue = "spearman", paramLabel = "NAME",
            description = "similarity plugin: spearman (default), pearson, cosine, neg-sq-euclidean, kendall (see dnnc plugins)")
    String measure;

    @Option(names = "--out", required = true, paramLabel = "S.csv|S.npy", description = "where to write the similarity matrix")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Background<SimilarityMeasure> created = Background.start(() -> {
            SimilarityMeasure plugin = (SimilarityMeasure) new PluginCatalog().create(PluginKind.SIMILARITY, measure);
            plugin.warmUp();
            return plugin;
        });
        Matrix x = MatrixFiles.read(input, MatrixFiles.NaNs.REJECT);
        MatrixFiles.requireRows(input, x, 2);
        SimilarityMeasure plugin = created.get();
        SimilarityResult result = plugin.similarity(x);
        MatrixFiles.write(out, SimilarityMatrices.expand(result));
        spec.commandLine().getOut().printf("%s similarity of %d variables (%d constant, written as NaN) over %d samples -> %s%n",
                plugin.name(), result.variables(), result.variables() - result.kept().length, x.rows(), out);
        return 0;
    }
}
