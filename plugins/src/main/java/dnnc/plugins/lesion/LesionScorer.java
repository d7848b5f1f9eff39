package dnnc.plugins.lesion;

import dnnc.api.ImageClassifier;
import dnnc.api.Lesion;
import dnnc.api.LesionCriterion;
import dnnc.api.ReconstructionBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scores lesions on an {@link EvaluationDesign}: per-reconstruction damage, its mean, per-alpha means and the mean BCE. */
public final class LesionScorer {
    private static final PixelBceCriterion BCE = new PixelBceCriterion();

    /** How one lesion did; {@code examples} holds the first draw's reconstruction at every alpha (alpha-major). */
    public record Scored(double[] damages, double damage, double[] damagePerAlpha, double meanBce, float[] examples) {
    }

    private final LesionEngine engine;
    private final EvaluationDesign design;
    private final LesionCriterion criterion;
    private final ImageClassifier judge;
    private final int imageRows;
    private final int imageCols;
    private long evaluations;

    public LesionScorer(LesionEngine engine, EvaluationDesign design, LesionCriterion criterion, ImageClassifier judge,
                        int imageRows, int imageCols) {
        if (criterion.needsJudge() && judge == null) {
            throw new IllegalArgumentException("criterion '" + criterion.name() + "' needs a judge classifier");
        }
        this.engine = engine;
        this.design = design;
        this.criterion = criterion;
        this.judge = judge;
        this.imageRows = imageRows;
        this.imageCols = imageCols;
    }

    public EvaluationDesign design() {
        return design;
    }

    public LesionCriterion criterion() {
        return criterion;
    }

    public int imageRows() {
        return imageRows;
    }

    public int imageCols() {
        return imageCols;
    }

    /** Lesion evaluations done so far (for progress and benchmarks). */
    public long evaluations() {
        return evaluations;
    }

    public Scored score(Lesion lesion) {
        return score(List.of(lesion)).get(0);
    }

    public List<Scored> score(List<Lesion> lesions) {
        return score(lesions, true);
    }

    /**
     * Damages only, for lesions whose reconstructions nobody looks at (random controls, subsets tried by the
     * minimal-set search): {@code meanBce} is NaN and {@code examples} null.
     */
    public List<Scored> damagesOnly(List<Lesion> lesions) {
        return score(lesions, false);
    }

    private List<Scored> score(List<Lesion> lesions, boolean described) {
        List<float[]> outputs = engine.outputs(lesions);
        List<Scored> scored = new ArrayList<>(outputs.size());
        for (float[] out : outputs) {
            scored.add(score(out, described));
        }
        evaluations += lesions.size();
        return scored;
    }

    private Scored score(float[] lesioned, boolean described) {
        int n = design.rows();
        ReconstructionBatch batch = new ReconstructionBatch(lesioned, engine.intactOutput(), n, imageRows, imageCols,
                design.target(), judge, design.labels());
        double[] damages = criterion.damage(batch);
        int pixels = imageRows * imageCols;
        double[] bce = described && pixels > 0 ? BCE.damage(batch) : null;
        int alphas = design.alphas().length;
        double[] perAlpha = new double[alphas];
        float[] examples = described ? new float[alphas * pixels] : null;
        for (int a = 0; a < alphas; a++) {
            perAlpha[a] = mean(Arrays.copyOfRange(damages, design.row(a, 0), design.row(a, 0) + design.draws()));
            if (described) {
                System.arraycopy(lesioned, design.row(a, 0) * pixels, examples, a * pixels, pixels);
            }
        }
        return new Scored(damages, mean(damages), perAlpha, bce == null ? Double.NaN : mean(bce), examples);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
