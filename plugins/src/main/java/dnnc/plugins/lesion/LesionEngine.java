package dnnc.plugins.lesion;

import dnnc.api.Activations;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.plugins.network.DenseNetworkProbe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates lesions on a fixed set of inputs incrementally: the intact activations of every layer are computed
 * once, and a lesion whose lowest neuron sits in layer l is recomputed from layer l only. Lesions are grouped by
 * that layer and, on a {@link DenseNetworkProbe}, stacked into tall batches of at most {@code maxBatchRows}
 * rows; results equal a full forward pass with the lesion exactly.
 */
public final class LesionEngine {
    /** Rows per stacked batch: large enough that GEMM dominates, small enough to stay within tens of MB. */
    public static final int DEFAULT_MAX_BATCH_ROWS = 8192;

    private final NetworkProbe probe;
    private final float[] inputs;
    private final int rows;
    private final Activations intact;
    private final StackedDenseForward stacked;
    private final int maxBatchRows;

    public LesionEngine(NetworkProbe probe, float[] inputs, int rows) {
        this(probe, inputs, rows, DEFAULT_MAX_BATCH_ROWS);
    }

    public LesionEngine(NetworkProbe probe, float[] inputs, int rows, int maxBatchRows) {
        this.probe = probe;
        this.inputs = inputs;
        this.rows = rows;
        this.intact = probe.forward(inputs, rows, Lesion.none());
        this.stacked = probe instanceof DenseNetworkProbe dense ? new StackedDenseForward(dense) : null;
        this.maxBatchRows = maxBatchRows;
    }

    public NetworkProbe probe() {
        return probe;
    }

    public int rows() {
        return rows;
    }

    /** The intact network's output, rows x outputs (shared: do not modify). */
    public float[] intactOutput() {
        return intact.output();
    }

    public float[] output(Lesion lesion) {
        return outputs(List.of(lesion)).get(0);
    }

    /** The output of each lesion, in the order given. */
    public List<float[]> outputs(List<Lesion> lesions) {
        float[][] results = new float[lesions.size()][];
        Map<Integer, List<Integer>> byFirstLayer = new LinkedHashMap<>();
        for (int i = 0; i < lesions.size(); i++) {
            Lesion lesion = lesions.get(i);
            if (lesion.isEmpty()) {
                results[i] = intact.output().clone();
            } else {
                byFirstLayer.computeIfAbsent(lesion.firstLayer(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Integer, List<Integer>> group : byFirstLayer.entrySet()) {
            runGroup(group.getKey(), group.getValue(), lesions, results);
        }
        return Arrays.asList(results);
    }

    private void runGroup(int layer, List<Integer> members, List<Lesion> lesions, float[][] results) {
        if (!probe.resumes()) {
            // a probe that runs from its inputs only (a network file): whole forward passes, one per core
            members.parallelStream().forEach(i -> results[i] = probe.forward(inputs, rows, lesions.get(i)).output());
            return;
        }
        if (stacked == null) {
            for (int i : members) {
                results[i] = probe.resume(layer, intact.layer(layer), rows, lesions.get(i)).output();
            }
            return;
        }
        int perBatch = Math.max(1, maxBatchRows / rows);
        List<List<Integer>> chunks = new ArrayList<>();
        for (int start = 0; start < members.size(); start += perBatch) {
            chunks.add(members.subList(start, Math.min(members.size(), start + perBatch)));
        }
        // chunks are independent GEMM chains: Java threads use the cores that OMP_NUM_THREADS=1 leaves idle
        chunks.parallelStream().forEach(chunk -> {
            List<float[]> outs = stacked.outputs(layer, intact.layer(layer), rows, chunk.stream().map(lesions::get).toList());
            for (int j = 0; j < chunk.size(); j++) {
                results[chunk.get(j)] = outs.get(j);
            }
        });
    }
}
