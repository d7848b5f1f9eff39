package org.example.dnnc;

import dnnc.api.Matrix;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.SimilarityMeasure;
import dnnc.api.SimilarityResult;

import java.util.stream.IntStream;

@PluginInfo(name = "abs-pearson", description = "|Pearson r|^power: neurons that move together or against each other are alike")
public final class AbsolutePearson implements SimilarityMeasure {
    @Param(description = "Power of |r|; above 1 sharpens the contrast between strong and weak ties.", min = 0.1, max = 10)
    double power = 1;

    @Override
    public SimilarityResult similarity(Matrix x) {
        int[] kept = IntStream.range(0, x.cols()).filter(j -> IntStream.range(0, x.rows()).anyMatch(i -> x.get(i, j) != x.get(0, j))).toArray();
        double[][] unit = IntStream.of(kept).mapToObj(j -> centredUnitColumn(x, j)).toArray(double[][]::new);
        Matrix s = Matrix.zeros(kept.length, kept.length);
        IntStream.range(0, kept.length).parallel().forEach(a -> {
            for (int b = 0; b < kept.length; b++) {
                double r = 0;
                for (int i = 0; i < x.rows(); i++) {
                    r += unit[a][i] * unit[b][i];
                }
                s.set(a, b, a == b ? 1 : Math.pow(Math.min(1, Math.abs(r)), power));
            }
        });
        return new SimilarityResult(name(), s, kept, x.cols());
    }

    private static double[] centredUnitColumn(Matrix x, int j) {
        double mean = IntStream.range(0, x.rows()).mapToDouble(i -> x.get(i, j)).average().orElseThrow();
        double[] c = IntStream.range(0, x.rows()).mapToDouble(i -> x.get(i, j) - mean).toArray();
        double norm = Math.sqrt(IntStream.range(0, c.length).mapToDouble(i -> c[i] * c[i]).sum());
        return IntStream.range(0, c.length).mapToDouble(i -> c[i] / norm).toArray();
    }
}
