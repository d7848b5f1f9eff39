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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * scikit-learn's affinity_propagation, result for result (see {@link AffinityPropagationSolver}). The seed feeds
 * NumPy's RandomState, which takes 0..2^32-1: other seeds are reduced modulo 2^32. A fit that does not converge
 * is refitted up the {@link ConvergenceLadder} (higher damping, more iterations), each rung equal to
 * scikit-learn's fit with those settings; {@code retry=off} keeps the single configured fit.
 */
@PluginInfo(name = "affinity-propagation", description = "affinity propagation equal to scikit-learn's (same seed, same labels); preference median, a number, or auto (sweep)")
public final class AffinityPropagation implements ClusteringAlgorithm {
    @Param(description = "exemplar preference: median of all similarities, a number, auto (sweep; widest stable plateau on which every "
            + "alpha converges) or study (per matrix, one giving the study's 5-11 clusters)",
            allowed = {"median", "auto", "study", "<number>"})
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

    @Param(description = "auto sweep: never choose a plateau with fewer clusters than this (2: any but one cluster)", min = 2)
    int fewestClusters = 2;

    @Param(description = "arithmetic of the messages: float64 (scikit-learn's, bit for bit) or float32 (about twice as fast; "
            + "exemplars can differ where candidates lie within float32 rounding; the auto sweep stays float64)",
            allowed = {"float64", "float32"})
    String precision = "float64";

    @Param(description = "refit a clustering that does not converge with damping 0.7, 0.9, 0.95 and up to 2,000 iterations (off: one fit as configured)")
    boolean retry = true;

    /** Plateaus after the widest one kept as fallbacks when a matrix of the group does not converge at its middle. */
    private static final int FALLBACK_PLATEAUS = 3;
    /** The study's own granularity: its clusterings had 5 to 11 clusters (preference=study). */
    static final int STUDY_FEWEST = 5;
    static final int STUDY_MOST = 11;
    private static final int STUDY_SEARCH_FITS = 12;

    @Override
    public Calibration calibrate(Matrix representative, long seed, Progress progress) {
        if (!preference.equals("auto")) {
            return new Calibration(this, null);
        }
        checkSquare(representative);
        PreferenceSweeper sweeper = sweeper();
        PreferenceSweeper.Problem problem = PreferenceSweeper.Problem.of(representative.values(), representative.rows(),
                Math.floorMod(seed, 1L << 32));
        PreferenceSweep sweep = sweeper.sweep(problem, progress).sweep();
        List<Calibration> fallbacks = new ArrayList<>();
        for (PreferenceSweep.Plateau plateau : sweep.plateaus().subList(Math.min(1, sweep.plateaus().size()),
                Math.min(1 + FALLBACK_PLATEAUS, sweep.plateaus().size()))) {
            fallbacks.add(new Calibration(at(plateau.middle()), sweep.choosing(plateau.middle())));
        }
        progress.status("fitting the representative at the chosen preference");
        return new Calibration(settledAt(sweeper, problem, sweep.chosen()), sweep, fallbacks);
    }

    /**
     * Fixed at {@code chosen}, its convergence ladder starting at the rung on which the representative settles
     * there ({@link PreferenceSweeper#settle}): every alpha of the kind then starts from one damping (comparable
     * fits), and none pays again for the rungs the representative already saw oscillate.
     */
    private AffinityPropagation settledAt(PreferenceSweeper sweeper, PreferenceSweeper.Problem representative, double chosen) {
        AffinityPropagation fixed = at(chosen);
        ConvergenceLadder.Fit fit = sweeper.settle(representative, chosen);
        if (fit.succeeded() && fit.tried().size() > 1) {
            fixed.configure(Map.of("damping", Double.toString(fit.rung().damping()), "max-iter", Integer.toString(fit.rung().maxIter())));
        }
        return fixed;
    }

    /** This configuration with the preference fixed. */
    private AffinityPropagation at(double fixedPreference) {
        AffinityPropagation fixed = new AffinityPropagation();
        fixed.configure(parameterValues());
        fixed.configure(java.util.Map.of("preference", Double.toString(fixedPreference)));
        return fixed;
    }

    @Override
    public java.util.Optional<ClusteringAlgorithm> atPreference(double value) {
        return java.util.Optional.of(at(value));
    }

    private PreferenceSweeper sweeper() {
        return new PreferenceSweeper(new ConvergenceLadder(damping, maxIter, convergenceIter, retry ? Integer.MAX_VALUE : 1,
                precision.equals("float32")), sweepPoints, plateauTolerance, fewestClusters);
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
        PreferenceSweeper sweeper = sweeper();
        PreferenceSweeper.Problem problem = PreferenceSweeper.Problem.of(s, n, numpySeed);
        double p;
        ConvergenceLadder.Fit fit = null;
        if (preference.equals("auto")) {
            PreferenceSweeper.Outcome outcome = sweeper.sweep(problem, progress);
            sweep = outcome.sweep();
            warnings.addAll(outcome.warnings());
            p = sweep.chosen();
        } else if (preference.equals("study")) {
            fit = sweeper.withinRange(problem, STUDY_FEWEST, STUDY_MOST, STUDY_SEARCH_FITS).orElse(null);
            if (fit == null) {
                warnings.add("no preference gave " + STUDY_FEWEST + "-" + STUDY_MOST + " clusters in " + STUDY_SEARCH_FITS
                        + " fits of a bisection; used the median");
            }
            p = problem.median();
        } else {
            p = preference.equals("median") ? problem.median() : Double.parseDouble(preference);
        }
        if (fit == null) {
            fit = sweeper.solve(problem, p);
        }
        AffinityPropagationSolver.Run run = fit.run();
        warnings.addAll(run.warnings());
        if (!fit.succeeded() && run.converged()) {
            warnings.add("every neuron its own exemplar below the median preference: the messages oscillate");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("damping", fit.rung().damping());
        facts.put("max_iter", fit.rung().maxIter());
        facts.put("fits", fit.tried().size());
        if (preference.equals("study")) {
            facts.put("preference", fit.preference());
        }
        if (!fit.succeeded()) {
            facts.put("tried", fit.triedText());
        }
        return new Clustering(run.labels(), run.clusterCount(), run.iterations(), fit.succeeded(), List.copyOf(warnings), sweep, facts);
    }
}
