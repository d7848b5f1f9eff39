package dnnc.plugins.lesion;

import dnnc.api.Lesion;
import dnnc.api.LesionDesign;
import dnnc.api.NeuronLayout;
import dnnc.api.SeedRule;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The critical cluster at one alpha, C_ACE intersect C_ACT: its lesion against random lesions matched per layer
 * (drawn from the neurons clustered in both clusterings), the hypergeometric p-value of the overlap, and a
 * minimal critical set.
 *
 * <p>A lesion "fails" when its damage is significant against the critical set's own random-lesion null:
 * (1 + #{random >= damage}) / (R + 1) < significance. Subsets are judged against the null of the full critical
 * set's size, which is conservative (smaller random lesions would damage less). The minimal set drops neurons in
 * a fixed order (least |ACE| at this alpha first when ACE is known, else by neuron number), trying whole blocks
 * first and halving a block whose removal stops the failure, so each neuron is finally kept only if removing it
 * alone (at that point) stopped the failure. No minimal set exists (empty) when the critical set itself does not fail.
 */
public final class CriticalSetSearch {
    /** The critical set at one alpha; {@code scored} is null (and the numbers NaN) when the set is empty. */
    public record Outcome(double alpha, int[] neurons, int hidden, LesionScorer.Scored scored, double pValue,
                          double failureRate, double[] randomDamages, double overlapPValue, int population,
                          int activationSize, int aceSize, boolean fails, int[] minimal, int minimalHidden) {
    }

    private final LesionScorer scorer;
    private final LesionDesign settings;
    private final NeuronLayout layout;

    public CriticalSetSearch(LesionScorer scorer, LesionDesign settings, NeuronLayout layout) {
        this.scorer = scorer;
        this.settings = settings;
        this.layout = layout;
    }

    /**
     * @param activationLabels labels of the activation clustering (-1 = not clustered)
     * @param aceLabels        labels of the ACE clustering
     * @param important        C_ACT and C_ACE as global neuron numbers
     * @param aceMagnitude     |ACE| per global neuron at this alpha, or null to drop neurons by number
     */
    public Outcome run(double alpha, int[] activationLabels, int[] aceLabels, int[] cAct, int[] cAce, double[] aceMagnitude) {
        int[] population = IntStream.range(0, activationLabels.length)
                .filter(g -> activationLabels[g] >= 0 && aceLabels[g] >= 0).toArray();
        int[] act = intersect(cAct, population);
        int[] ace = intersect(cAce, population);
        int[] critical = intersect(act, ace);
        double overlapP = overlapPValue(population.length, act.length, ace.length, critical.length);
        if (critical.length == 0) {
            return new Outcome(alpha, critical, 0, null, Double.NaN, Double.NaN, new double[0], overlapP,
                    population.length, act.length, ace.length, false, critical, 0);
        }
        Lesion lesion = Lesion.ofGlobal(layout, critical);
        LesionScorer.Scored scored = scorer.score(lesion);
        RandomLesions random = new RandomLesions(layout, population);
        List<LesionScorer.Scored> controls = scorer.damagesOnly(Arrays.asList(random.matching(lesion, settings.randomLesions(),
                SeedRule.derive(settings.seed(), "critical", alpha))));
        double[] nullDamages = controls.stream().mapToDouble(LesionScorer.Scored::damage).toArray();
        double p = Significance.pValue(scored.damage(), nullDamages);
        double failureRate = Significance.failureRate(scorer.criterion().passFail(), scored.damages(),
                controls.stream().map(LesionScorer.Scored::damages).toList(), settings.significance());
        boolean fails = p < settings.significance();
        int[] minimal = fails ? minimalSet(critical, nullDamages, aceMagnitude) : new int[0];
        return new Outcome(alpha, critical, ClusterLesionTest.hiddenCount(layout, critical), scored, p, failureRate,
                nullDamages, overlapP, population.length, act.length, ace.length, fails, minimal,
                ClusterLesionTest.hiddenCount(layout, minimal));
    }

    /** P[X >= overlap] for X hypergeometric: population N, |C_ACE| successes, |C_ACT| draws. */
    public static double overlapPValue(int population, int draws, int successes, int overlap) {
        if (population == 0) {
            return 1.0;
        }
        return new HypergeometricDistribution(null, population, successes, draws).upperCumulativeProbability(overlap);
    }

    private int[] minimalSet(int[] critical, double[] nullDamages, double[] aceMagnitude) {
        List<Integer> order = new ArrayList<>(Arrays.stream(critical).boxed().toList());
        Comparator<Integer> byNumber = Comparator.naturalOrder();
        order.sort(aceMagnitude == null ? byNumber
                : Comparator.comparingDouble((Integer g) -> aceMagnitude[g]).thenComparing(byNumber));
        List<Integer> kept = new ArrayList<>(order);
        dropBlock(kept, new ArrayList<>(order), nullDamages);
        return kept.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Removes {@code block} from {@code kept} if the rest still fails; otherwise tries each half of it. */
    private void dropBlock(List<Integer> kept, List<Integer> block, double[] nullDamages) {
        if (block.isEmpty()) {
            return;
        }
        List<Integer> rest = new ArrayList<>(kept);
        rest.removeAll(block);
        if (!rest.isEmpty() && stillFails(rest, nullDamages)) {
            kept.removeAll(block);
            return;
        }
        if (block.size() == 1) {
            return;
        }
        int half = block.size() / 2;
        dropBlock(kept, new ArrayList<>(block.subList(0, half)), nullDamages);
        dropBlock(kept, new ArrayList<>(block.subList(half, block.size())), nullDamages);
    }

    private boolean stillFails(List<Integer> neurons, double[] nullDamages) {
        double damage = scorer.damagesOnly(List.of(Lesion.ofGlobal(layout, neurons.stream().mapToInt(Integer::intValue).toArray()))).get(0).damage();
        return Significance.pValue(damage, nullDamages) < settings.significance();
    }

    static int[] intersect(int[] a, int[] b) {
        int[] sortedB = b.clone();
        Arrays.sort(sortedB);
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(sortedB, x) >= 0).distinct().sorted().toArray();
    }
}
