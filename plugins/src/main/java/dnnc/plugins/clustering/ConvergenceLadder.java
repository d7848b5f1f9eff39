package dnnc.plugins.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Affinity propagation until it converges. A fit at the configured damping and iteration limit comes first; when
 * it fails, the rungs scikit-learn users climb when the messages oscillate: higher damping (0.7, 0.9, 0.95, as
 * Frey and Dueck's own code raises it) with more iterations (1,000, then 2,000 at 0.95, which moves slowly).
 * Every rung is a fit from zero, equal to scikit-learn's {@code affinity_propagation} with that damping and
 * max_iter, so whatever rung a result comes from, scikit-learn gives it too.
 * <p>A fit fails when it did not converge, or when it "converged" with every point its own exemplar at a
 * preference below the median similarity: the oscillation the study met at -10, which scikit-learn's
 * convergence test can take for convergence.
 */
final class ConvergenceLadder {
    /** Damping and iteration limit of one fit. */
    record Rung(double damping, int maxIter) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "damping %s, %d iterations", damping, maxIter);
        }
    }

    /** The fit kept (the first that succeeded, else the last tried) and every rung tried to get it. */
    record Fit(double preference, AffinityPropagationSolver.Run run, Rung rung, boolean succeeded, List<Rung> tried) {
        /** One line for a report: what was tried when nothing converged. */
        String triedText() {
            return tried.size() + " fits (" + String.join("; ", tried.stream().map(Rung::toString).toList()) + ")";
        }
    }

    private static final List<Rung> CLIMB = List.of(new Rung(0.7, 1000), new Rung(0.9, 1000), new Rung(0.95, 2000));

    private final List<Rung> rungs;
    private final int convergenceIter;
    private final boolean float32;

    /** The ladder starting at the configured fit; rungs below its damping are skipped, none has fewer iterations. */
    ConvergenceLadder(double damping, int maxIter, int convergenceIter) {
        this(damping, maxIter, convergenceIter, 1 + CLIMB.size(), false);
    }

    /** At most {@code fits} rungs (1: the configured fit alone), the messages in float32 when asked. */
    ConvergenceLadder(double damping, int maxIter, int convergenceIter, int fits, boolean float32) {
        this.convergenceIter = convergenceIter;
        this.float32 = float32;
        this.rungs = new ArrayList<>(List.of(new Rung(damping, maxIter)));
        for (Rung rung : CLIMB) {
            if (rung.damping() > damping && rungs.size() < fits) {
                rungs.add(new Rung(rung.damping(), Math.max(rung.maxIter(), maxIter)));
            }
        }
    }

    List<Rung> rungs() {
        return List.copyOf(rungs);
    }

    /** The rung of this ladder with {@code damping}. */
    Rung rungAt(double damping) {
        return rungs.stream().filter(r -> r.damping() == damping).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rung with damping " + damping + " in " + rungs));
    }

    /** This ladder without the rungs below {@code damping}. */
    ConvergenceLadder from(double damping) {
        ConvergenceLadder higher = new ConvergenceLadder(rungs.get(0).damping(), rungs.get(0).maxIter(), convergenceIter, 1, float32);
        higher.rungs.clear();
        rungs.stream().filter(r -> r.damping() >= damping).forEach(higher.rungs::add);
        if (higher.rungs.isEmpty()) {
            throw new IllegalArgumentException("no rung with damping " + damping + " or more in " + rungs);
        }
        return higher;
    }

    /** The rungs climbed to reach {@code last}, itself included. */
    List<Rung> rungsUpTo(Rung last) {
        return List.copyOf(rungs.subList(0, rungs.indexOf(last) + 1));
    }

    /**
     * The same dampings, each with the first rung's iteration limit: for the many fits of a sweep, where a point
     * that needs thousands of iterations is left as a gap rather than paid for (the clustering finally reported
     * climbs the whole ladder). Always in float64: the preference chosen must not depend on float32 rounding.
     */
    ConvergenceLadder capped() {
        ConvergenceLadder capped = new ConvergenceLadder(rungs.get(0).damping(), rungs.get(0).maxIter(), convergenceIter, 1, false);
        for (Rung rung : rungs.subList(1, rungs.size())) {
            capped.rungs.add(new Rung(rung.damping(), rungs.get(0).maxIter()));
        }
        return capped;
    }

    Fit fit(NoisySimilarity similarity, double preference, double median) {
        return fit(similarity, preference, median, null);
    }

    /** Every rung starting from {@code warmStart}'s messages (null: from zero). */
    Fit fit(NoisySimilarity similarity, double preference, double median, AffinityPropagationSolver.Run warmStart) {
        List<Rung> tried = new ArrayList<>();
        AffinityPropagationSolver.Run run = null;
        for (Rung rung : rungs) {
            tried.add(rung);
            AffinityPropagationSolver solver = new AffinityPropagationSolver(rung.damping(), rung.maxIter(), convergenceIter);
            run = (float32 ? solver.inFloat32() : solver).solve(similarity, preference, warmStart);
            if (succeeded(run, similarity.n, preference, median)) {
                return new Fit(preference, run, rung, true, List.copyOf(tried));
            }
        }
        return new Fit(preference, run, rungs.get(rungs.size() - 1), false, List.copyOf(tried));
    }

    static boolean succeeded(AffinityPropagationSolver.Run run, int n, double preference, double median) {
        return run.converged() && !(n > 1 && run.clusterCount() == n && preference < median);
    }
}
