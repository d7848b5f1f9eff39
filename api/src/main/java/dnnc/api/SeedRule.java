package dnnc.api;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where every random stream of a run comes from. One rule, so that a repeat of an analysis, a rerun, and a unit
 * of work computed on another machine all draw exactly what they would have drawn here.
 * <ol>
 * <li><b>Step seed.</b> A step's base seed is its {@code seed} parameter, or the run's seed when the parameter is
 * -1 or the plugin has none. In the main analysis (repeat 0) the step uses its base seed as is; in repeat
 * i &gt; 0 it uses {@link #forRepeat forRepeat(base, i, step)} = {@code derive(base, "repeat", i, step)}, where
 * {@code step} is {@code kind:plugin} ("attribution:ace-monte-carlo"). The runner applies this before the step
 * runs: the step's seed parameter and {@link RunContext#seed()} both hold the result, and the step's recorded
 * parameters show it. So -1 keeps meaning "derive from the run", repeats never draw what the main analysis drew
 * (also when the run's seed is 0), and two steps of one repeat draw independently.</li>
 * <li><b>Unit seed.</b> Inside a step, the stream of one unit of work (a clustering's random lesions, the
 * critical set's controls at one alpha) is {@code derive(stepSeed, unit identity...)}, never "the next numbers
 * of a shared generator", so a unit's draws do not depend on which units ran before it, or where.</li>
 * </ol>
 * {@code derive(base, parts...)} is the first {@code nextLong()} of {@code SplittableRandom(base * 0x9E3779B97F4A7C15
 * + Arrays.deepHashCode(parts))} with its sign bit cleared (a valid seed parameter). Its inputs are Java's
 * specified hash codes of strings, boxed numbers and arrays, so it gives the same seeds on every JVM.
 */
public interface SeedRule {
    /** A step's or unit's seed from its base seed and its identity. Never negative. */
    static long derive(long base, Object... identity) {
        return new SplittableRandom(base * 0x9E3779B97F4A7C15L + Arrays.deepHashCode(identity)).nextLong() & Long.MAX_VALUE;
    }

    /**
     * The seed of {@code step} ("kind:plugin") in repeat {@code repeat} of an analysis, from its base seed (its
     * seed parameter, or the run's seed when that is -1): the base itself in the main analysis.
     */
    static long forRepeat(long base, int repeat, String step) {
        return repeat == 0 ? base : derive(base, "repeat", repeat, step);
    }

    /** The base seed of a step: its seed parameter unless that is -1 ("derive from the run"). */
    static long base(long seedParameter, long runSeed) {
        return seedParameter == -1 ? runSeed : seedParameter;
    }
}
