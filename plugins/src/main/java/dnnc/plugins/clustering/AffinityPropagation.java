package dnnc.plugins.clustering;

import dnnc.api.Clustering;
import dnnc.api.ClusteringAlgorithm;
import dnnc.api.InvalidInputException;
import dnnc.api.Matrix;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.PreferenceSweep;
import dnnc.api.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's affinity_propagation, result for result (see {@link AffinityPropagationSolver}). The seed feeds
 * NumPy's RandomState, which takes 0..2^32-1: other seeds are reduced modulo 2^32.
 */
@PluginInfo(name = "affinity-propagation", description = "affinity propagation equal to scikit-learn's (same seed, same labels); preference median, a number, or auto (sweep)")
public final class AffinityPropagation implements ClusteringAlgorithm {
    @Param(description = "exemplar preference: median of all similarities, a number, or auto (sweep; widest stable plateau)",
            allowed = {"median", "auto", "<number>"})
    String preference = "median";

    @Param(description = "damping of the message updates", min = 0.5, max = 1, maxExclusive = true)
    double damping = 0.5;

    @Param(description = "iteration limit", min = 1)
    int maxIter = 200;

    @Param(description = "iterations without a change of exemplars that count as converged", min = 1)
    int convergenceIter = 15;

    @Param(description = "preferences tried by the auto sweep", min = 4, max = 500)
    int sweepPoints = 20;

    @Param(description = "auto sweep: cluster counts within this share of each other form one plateau (0 = equal counts)", min = 0, max = 1)
    double plateauTolerance = 0.1;

    @Param(description = "arithmetic of the messages: float64 (scikit-learn's, bit for bit) or float32 (about twice as fast; "
            + "exemplars can differ where candidates lie within float32 rounding; the auto sweep stays float64)",
            allowed = {"float64", "float32"})
    String precision = "float64";

    @Override
    public Calibration calibrate(Matrix representative, long seed, Progress progress) {
        if (!preference.equals("auto")) {
            return new Calibration(this, null);
        }
        checkSquare(representative);
        PreferenceSweeper.Outcome outcome = sweeper().sweep(PreferenceSweeper.Problem.of(representative.values(),
                representative.rows(), Math.floorMod(seed, 1L << 32)), progress);
        AffinityPropagation fixed = new AffinityPropagation();
        fixed.configure(parameterValues());
        fixed.configure(java.util.Map.of("preference", Double.toString(outcome.sweep().chosen())));
        return new Calibration(fixed, outcome.sweep());
    }

    @Override
    public java.util.Optional<ClusteringAlgorithm> atPreference(double value) {
        AffinityPropagation fixed = new AffinityPropagation();
        fixed.configure(parameterValues());
        fixed.configure(java.util.Map.of("preference", Double.toString(value)));
        return java.util.Optional.of(fixed);
    }

    private PreferenceSweeper sweeper() {
        return new PreferenceSweeper(damping, maxIter, convergenceIter, sweepPoints, plateauTolerance);
    }

    private static void checkSquare(Matrix similarity) {
        if (similarity.rows() != similarity.cols() || similarity.rows() == 0) {
            throw new InvalidInputException("affinity propagation needs a non-empty square similarity matrix; got "
                    + similarity.rows() + " x " + similarity.cols());
        }
    }

    @Override
    public Clustering cluster(Matrix similarity, long seed, Progress progress) {
        checkSquare(similarity);
        int n = similarity.rows();
        long numpySeed = Math.floorMod(seed, 1L << 32);
        double[] s = similarity.values();
        List<String> warnings = new ArrayList<>();
        PreferenceSweep sweep = null;
        AffinityPropagationSolver.Run run;
        if (preference.equals("auto")) {
            PreferenceSweeper sweeper = sweeper();
            PreferenceSweeper.Problem problem = PreferenceSweeper.Problem.of(s, n, numpySeed);
            PreferenceSweeper.Outcome outcome = sweeper.sweep(problem, progress);
            sweep = outcome.sweep();
            warnings.addAll(outcome.warnings());
            run = sweeper.solve(problem, sweep.chosen()).run();
        } else {
            double p = preference.equals("median") ? AffinityPropagationSolver.median(s) : Double.parseDouble(preference);
            AffinityPropagationSolver solver = new AffinityPropagationSolver(damping, maxIter, convergenceIter);
            run = (precision.equals("float32") ? solver.inFloat32() : solver).solve(s, n, p, numpySeed);
        }
        warnings.addAll(run.warnings());
        return new Clustering(run.labels(), run.clusterCount(), run.iterations(), run.converged(), List.copyOf(warnings), sweep);
    }
}
