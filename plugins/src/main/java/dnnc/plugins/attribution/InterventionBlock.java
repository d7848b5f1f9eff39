package dnnc.plugins.attribution;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One input's interventions on a block of draws, without copies: for each intervention value v, its activations
 * are {@code cells} floats (rows x neurons, row-major) of {@code activations} from {@code start + v * cells}, and
 * its per-draw effects are those activations minus the draw's own baseline (one double per cell, by
 * {@link DrawBaseline}'s rule over slices of the same array).
 */
final class InterventionBlock {
    private final int rows;
    private final int values;
    private final float[] activations;
    private final int start;
    private final int cells;
    private final DrawBaseline baseline;
    private final ChunkBuffers buffers;

    /** {@code buffers} hold the baseline while the effects are copied out. */
    InterventionBlock(int rows, int values, float[] activations, int start, int cells, DrawBaseline baseline, ChunkBuffers buffers) {
        this.rows = rows;
        this.values = values;
        this.activations = activations;
        this.start = start;
        this.cells = cells;
        this.baseline = baseline;
        this.buffers = buffers;
    }

    int values() {
        return values;
    }

    float[] activations() {
        return activations;
    }

    int cells() {
        return cells;
    }

    /** Where value v's activations start in {@link #activations}. */
    int offset(int v) {
        return start + v * cells;
    }

    /**
     * Moments over the rows of each block's values' per-draw effects, one variable per neuron, computed together:
     * the blocks must share their activations and draws (a chunk's classes).
     */
    static RunningMoments[][] effectMoments(List<InterventionBlock> blocks) {
        InterventionBlock first = blocks.get(0);
        for (InterventionBlock block : blocks) {
            if (block.activations != first.activations || block.cells != first.cells || block.rows != first.rows) {
                throw new IllegalArgumentException("blocks reduced together must share their activations and draws");
            }
        }
        List<EffectMoments.Effects> effects = blocks.stream().map(block -> new EffectMoments.Effects(block.baseline,
                IntStream.range(0, block.values).map(block::offset).toArray())).toList();
        return EffectMoments.of(first.activations, effects, first.rows, first.cells / first.rows);
    }

    /** Every value v's per-draw effects as floats into {@code targets[v]} from {@code at}. */
    void copyEffects(float[][] targets, int at) {
        boolean lanes = EffectMoments.VECTORISED;
        double[] base = buffers.baseline(cells);
        for (int c = lanes ? VectorEffectMoments.baseline(baseline, activations, base, cells) : 0; c < cells; c++) {
            base[c] = baseline.at(activations, c);
        }
        for (int v = 0; v < values; v++) {
            int first = offset(v);
            float[] target = targets[v];
            for (int c = lanes ? VectorEffectMoments.effects(activations, first, base, target, at, cells) : 0; c < cells; c++) {
                target[at + c] = (float) (activations[first + c] - base[c]);
            }
        }
    }
}
