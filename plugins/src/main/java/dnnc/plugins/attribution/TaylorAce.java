package dnnc.plugins.attribution;

import dnnc.io.Futures;
import dnnc.api.AttributionRequest;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.NeuronLayout;
import dnnc.api.Progress;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The paper's second-order estimate E[y | do(x_i = alpha)] ~= f(mu) + 1/2 tr(H(mu) Cov) (METHODS.md section 3).
 * Each expectation is an expansion point: the input mean under the intervention and a factor of the input
 * covariance, Cov = sum_m l_m l_m^T, so that tr(H Cov) = sum_m l_m^T H l_m. The curvature along l_m comes from
 * a central difference of input gradients, l^T (g(mu + h l) - g(mu - h l)) / 2h (exact for quadratics), or,
 * cheaper, from second differences of forward passes (all neurons at once); or it is left out (NONE: the
 * first-order estimate f(mu), which is what the expansion tends to for a ReLU network, whose Hessian is 0 almost
 * everywhere). On ReLU networks a finite difference whose step straddles a kink returns a spike of order
 * 1/step instead of 0, so the differences methods can be far off there: the Monte Carlo comparison shows it.
 * <ul>
 *   <li>z_i = alpha: mean 0 with z_i = alpha and the target class; Cov = identity on the other latents (the class
 *       is fixed by the protocol, so its block is 0).</li>
 *   <li>c_k = 1: mean (0, e_k), Cov = identity on the latents; baseline mean (0, p) with p the frequencies without
 *       k, Cov = identity on the latents plus the categorical covariance diag(p) - p p^T on the class block.</li>
 * </ul>
 */
final class TaylorAce {
    /** How the curvature l^T H l is computed. */
    enum Curvature { GRADIENT_DIFFERENCES, FORWARD_DIFFERENCES, NONE }

    private record ExpansionPoint(float[] mean, List<double[]> directions) {
    }

    private final AttributionRequest request;
    private final InputSchema schema;
    private final NetworkProbe network;
    private final NeuronLayout layout;
    private final double step;
    private final Curvature curvature;
    private final int threads;

    TaylorAce(AttributionRequest request, double step, Curvature curvature, int threads) {
        MonteCarloAce.validate(request);
        this.request = request;
        this.schema = request.schema();
        this.network = request.network();
        this.layout = network.layout();
        this.step = step;
        this.curvature = curvature;
        this.threads = threads;
    }

    NeuronLayout layout() {
        return layout;
    }

    List<InputEffect> estimate(Progress progress) {
        List<ExpansionPoint> points = new ArrayList<>();
        for (int input : request.inputs()) {
            points.addAll(pointsOf(input));
        }
        double[][] expectations = expectations(points, progress);
        List<InputEffect> effects = new ArrayList<>();
        int p = 0;
        int total = layout.total();
        for (int input : request.inputs()) {
            if (schema.isLatent(input)) {
                int alphas = request.alphas().length;
                double[] baseline = new double[total];
                for (int a = 0; a < alphas; a++) {
                    for (int g = 0; g < total; g++) {
                        baseline[g] += expectations[p + a][g] / alphas;
                    }
                }
                double[][] ace = new double[alphas][total];
                for (int a = 0; a < alphas; a++) {
                    for (int g = 0; g < total; g++) {
                        ace[a][g] = expectations[p + a][g] - baseline[g];
                    }
                }
                effects.add(new InputEffect(input, request.alphas().clone(), ace, null));
                p += alphas;
            } else {
                double[] ace = new double[total];
                for (int g = 0; g < total; g++) {
                    ace[g] = expectations[p][g] - expectations[p + 1][g];
                }
                effects.add(new InputEffect(input, new double[] {1}, new double[][] {ace}, null));
                p += 2;
            }
        }
        return effects;
    }

    private List<ExpansionPoint> pointsOf(int input) {
        int latents = schema.latents();
        List<ExpansionPoint> points = new ArrayList<>();
        if (schema.isLatent(input)) {
            for (double alpha : request.alphas()) {
                float[] mean = new float[schema.size()];
                mean[input] = (float) alpha;
                mean[latents + request.targetClass()] = 1;
                points.add(new ExpansionPoint(mean, latentDirections(input)));
            }
            return points;
        }
        int k = input - latents;
        float[] treated = new float[schema.size()];
        treated[input] = 1;
        points.add(new ExpansionPoint(treated, latentDirections(-1)));
        double[] p = DecoderDraws.frequenciesWithout(schema, k);
        float[] baseline = new float[schema.size()];
        for (int j = 0; j < p.length; j++) {
            baseline[latents + j] = (float) p[j];
        }
        List<double[]> directions = latentDirections(-1);
        directions.addAll(categoricalDirections(p));
        points.add(new ExpansionPoint(baseline, directions));
        return points;
    }

    /** Unit vectors of every latent but {@code excluded}: the factor of the identity covariance with i zeroed. */
    private List<double[]> latentDirections(int excluded) {
        List<double[]> directions = new ArrayList<>();
        for (int j = 0; j < schema.latents(); j++) {
            if (j != excluded) {
                double[] e = new double[schema.size()];
                e[j] = 1;
                directions.add(e);
            }
        }
        return directions;
    }

    /** sqrt(lambda) v for each eigenpair of diag(p) - p p^T, placed on the class block. */
    private List<double[]> categoricalDirections(double[] p) {
        int c = p.length;
        double[][] cov = new double[c][c];
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                cov[a][b] = (a == b ? p[a] : 0) - p[a] * p[b];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        List<double[]> directions = new ArrayList<>();
        for (int m = 0; m < c; m++) {
            double lambda = eigen.getRealEigenvalue(m);
            if (lambda > 1e-12) {
                double[] v = eigen.getEigenvector(m).toArray();
                double[] l = new double[schema.size()];
                for (int a = 0; a < c; a++) {
                    l[schema.latents() + a] = Math.sqrt(lambda) * v[a];
                }
                directions.add(l);
            }
        }
        return directions;
    }

    /** f(mu) + 1/2 sum_m l_m^T H l_m for every point and neuron. */
    private double[][] expectations(List<ExpansionPoint> points, Progress progress) {
        int width = schema.size();
        int total = layout.total();
        int directionRows = 2 * points.stream().mapToInt(pt -> pt.directions().size()).sum();
        float[] means = new float[points.size() * width];
        float[] shifted = new float[directionRows * width];
        int r = 0;
        for (int p = 0; p < points.size(); p++) {
            ExpansionPoint pt = points.get(p);
            System.arraycopy(pt.mean(), 0, means, p * width, width);
            for (double[] l : pt.directions()) {
                for (int sign = 1; sign >= -1; sign -= 2) {
                    for (int j = 0; j < width; j++) {
                        shifted[r * width + j] = (float) (pt.mean()[j] + sign * step * l[j]);
                    }
                    r++;
                }
            }
        }
        float[] atMeans = network.forwardNeuronRows(means, points.size());
        double[][] curvatures = switch (curvature) {
            case FORWARD_DIFFERENCES -> forwardCurvatures(points, atMeans, shifted, directionRows);
            case GRADIENT_DIFFERENCES -> gradientCurvatures(points, shifted, directionRows, progress);
            case NONE -> new double[points.size()][total];
        };
        double[][] expectations = new double[points.size()][total];
        for (int p = 0; p < points.size(); p++) {
            for (int g = 0; g < total; g++) {
                expectations[p][g] = atMeans[p * total + g] + 0.5 * curvatures[p][g];
            }
        }
        return expectations;
    }

    private double[][] forwardCurvatures(List<ExpansionPoint> points, float[] atMeans, float[] shifted, int rows) {
        int total = layout.total();
        float[] y = network.forwardNeuronRows(shifted, rows);
        double[][] curvatures = new double[points.size()][total];
        int r = 0;
        for (int p = 0; p < points.size(); p++) {
            for (int m = 0; m < points.get(p).directions().size(); m++, r += 2) {
                for (int g = 0; g < total; g++) {
                    curvatures[p][g] += ((double) y[r * total + g] - 2.0 * atMeans[p * total + g] + y[(r + 1) * total + g]) / (step * step);
                }
            }
        }
        return curvatures;
    }

    /** One gradient call per neuron covers every shifted point; neurons are spread over Java threads. */
    private double[][] gradientCurvatures(List<ExpansionPoint> points, float[] shifted, int rows, Progress progress) {
        int total = layout.total();
        int width = schema.size();
        double[][] curvatures = new double[points.size()][total];
        ExecutorService pool = Workers.pool(threads, "taylor-hessian");
        try {
            List<Future<?>> jobs = new ArrayList<>();
            // inputs are linear in themselves: their curvature is 0
            for (int g = layout.layers().get(0).size(); g < total; g++) {
                int neuron = g;
                jobs.add(pool.submit(() -> {
                    float[] grad = NativeScope.run(() -> network.inputGradient(shifted, rows, layout.layerOf(neuron), layout.indexInLayer(neuron), Lesion.none()));
                    int r = 0;
                    for (int p = 0; p < points.size(); p++) {
                        double sum = 0;
                        for (double[] l : points.get(p).directions()) {
                            for (int j = 0; j < width; j++) {
                                sum += l[j] * ((double) grad[r * width + j] - grad[(r + 1) * width + j]) / (2 * step);
                            }
                            r += 2;
                        }
                        curvatures[p][neuron] = sum;
                    }
                }));
            }
            for (Future<?> job : jobs) {
                Futures.await(job, "Taylor ACE");
                progress.advance(1);
            }
        } finally {
            pool.shutdownNow();
        }
        return curvatures;
    }

    static double[] absoluteErrors(List<InputEffect> estimate, List<InputEffect> reference) {
        List<Double> errors = new ArrayList<>();
        for (int q = 0; q < estimate.size(); q++) {
            for (int v = 0; v < estimate.get(q).ace().length; v++) {
                for (int g = 0; g < estimate.get(q).ace()[v].length; g++) {
                    errors.add(Math.abs(estimate.get(q).ace()[v][g] - reference.get(q).ace()[v][g]));
                }
            }
        }
        return errors.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
