package dnnc.runner.cli;

import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.runner.matrixio.MatrixFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through picocli, as dnnc.runner.Main calls them; six variables in two groups of three, column 3 constant. */
class SimilarityAndClusterCommandsTest {
    @TempDir
    Path dir;

    @Test
    void similarityWritesNaNForTheConstantColumn() throws IOException {
        Path x = samples();
        Path out = dir.resolve("S.npy");
        assertEquals(0, run(new SimilarityCommand(), "--input", x.toString(), "--measure", "spearman", "--out", out.toString()));
        Matrix s = MatrixFiles.read(out, MatrixFiles.NaNs.ALLOW);
        assertEquals(7, s.rows());
        assertTrue(Double.isNaN(s.get(3, 0)) && Double.isNaN(s.get(0, 3)));
        assertEquals(1.0, s.get(0, 0));
        assertTrue(s.get(0, 2) > 0.9 && s.get(0, 1) < 0.5);
    }

    @Test
    void clusterFromSamplesAndFromPrecomputedAgree() throws IOException {
        Path x = samples();
        Path s = dir.resolve("S.csv");
        run(new SimilarityCommand(), "--input", x.toString(), "--out", s.toString());
        Path direct = dir.resolve("direct.csv");
        Path pre = dir.resolve("pre.csv");
        assertEquals(0, run(new ClusterCommand(), "--input", x.toString(), "--measure", "spearman", "--algorithm", "affinity-propagation",
                "--preference", "-1", "--damping", "0.7", "--seed", "3", "--out", direct.toString()));
        assertEquals(0, run(new ClusterCommand(), "--input", s.toString(), "--precomputed", "--preference", "-1", "--damping", "0.7",
                "--seed", "3", "--out", pre.toString()));
        List<String> labels = Files.readAllLines(direct);
        assertEquals(Files.readAllLines(pre), labels);
        assertEquals(List.of("variable,label", "0,0", "1,1", "2,0", "3,-1", "4,0", "5,1", "6,1"), labels);
    }

    @Test
    void otherAlgorithmsTakeParams() throws IOException {
        Path out = dir.resolve("k.csv");
        assertEquals(0, run(new ClusterCommand(), "--input", samples().toString(), "--measure", "pearson", "--algorithm", "agglomerative",
                "--param", "k=2", "--out", out.toString()));
        assertEquals("3,-1", Files.readAllLines(out).get(4));
    }

    @Test
    void userErrorsSurfaceAsInvalidInput() throws IOException {
        Path x = samples();
        CommandLine cli = new CommandLine(new ClusterCommand());
        Throwable[] thrown = new Throwable[1];
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            thrown[0] = ex;
            return 2;
        });
        assertEquals(2, cli.execute("--input", x.toString(), "--precomputed", "--out", dir.resolve("l.csv").toString()));
        assertTrue(thrown[0] instanceof InvalidInputException && thrown[0].getMessage().contains("square"), String.valueOf(thrown[0]));
        assertEquals(2, cli.execute("--input", x.toString(), "--measure", "spearman", "--damping", "1.5", "--out", dir.resolve("l.csv").toString()));
        assertTrue(thrown[0].getMessage().contains("damping"), thrown[0].getMessage());
        assertEquals(2, cli.execute("--input", x.toString(), "--measure", "nope", "--out", dir.resolve("l.csv").toString()));
        assertTrue(thrown[0].getMessage().contains("valid similarity plugins"), thrown[0].getMessage());
    }

    /** Columns 0, 2, 4 follow one factor, 1, 5, 6 another; column 3 is constant. */
    private Path samples() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("a,b,c,d,e,f,g\n");
        for (int s = 0; s < 40; s++) {
            double f = random.nextGaussian();
            double g = random.nextGaussian();
            double[] row = {f, g, f + 0.1 * random.nextGaussian(), 7, f + 0.1 * random.nextGaussian(), g + 0.1 * random.nextGaussian(),
                    g + 0.1 * random.nextGaussian()};
            for (int j = 0; j < row.length; j++) {
                csv.append(j > 0 ? "," : "").append(row[j]);
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve("X.csv"), csv);
    }

    private static int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
