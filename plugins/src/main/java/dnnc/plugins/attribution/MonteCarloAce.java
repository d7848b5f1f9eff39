package dnnc.plugins.attribution;

import dnnc.io.Futures;
import dnnc.api.AttributionRequest;
import dnnc.api.InputEffect;
import dnnc.api.InputSchema;
import dnnc.api.InvalidInputException;
import dnnc.api.NeuronLayout;
import dnnc.api.Progress;
import dnnc.api.SampleFeatures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The Monte Carlo ACE estimator over every neuron of the probe (METHODS.md section 3). Draws are processed in chunks
 * on Java threads; each chunk's moments are merged in chunk order, so the numbers do not depend on the thread
 * count and memory stays at a few chunks' activations whatever the number of draws.
 */
final class MonteCarloAce {
    private final AttributionRequest request;
    private final DecoderDraws draws;
    private final InterventionSampler sampler;
    private final int chunk;
    private final int threads;

    MonteCarloAce(AttributionRequest request, int drawCount, int chunk, int threads) {
        validate(request);
        this.request = request;
        this.draws = new DecoderDraws(request.schema(), drawCount, request.seed());
        this.sampler = new InterventionSampler(request, draws);
        this.chunk = chunk;
        this.threads = threads;
    }

    static void validate(AttributionRequest request) {
        InputSchema schema = request.schema();
        if (request.network().inputSize() != schema.size()) {
            throw new InvalidInputException("network has " + request.network().inputSize() + " inputs but the schema "
                    + schema.latents() + " latents + " + schema.classes() + " classes");
        }
        if (request.alphas().length == 0) {
            throw new InvalidInputException("parameter 'alphas' is empty; give at least one intervention value");
        }
        if (request.targetClass() < 0 || request.targetClass() >= schema.classes()) {
            throw new InvalidInputException("parameter 'target' is " + request.targetClass() + "; expected a class in [0, "
                    + (schema.classes() - 1) + "]");
        }
        for (int input : request.inputs()) {
            if (input < 0 || input >= schema.size()) {
                throw new InvalidInputException("parameter 'inputs' names input " + input + "; expected 0.." + (schema.size() - 1));
            }
        }
    }

    NeuronLayout layout() {
        return sampler.layout();
    }

    /** ACE and standard error of every requested input on every neuron. */
    List<InputEffect> estimate(Progress progress) {
        int[] inputs = request.inputs();
        int total = layout().total();
        RunningMoments[][] moments = new RunningMoments[inputs.length][];
        for (int q = 0; q < inputs.length; q++) {
            moments[q] = new RunningMoments[values(inputs[q]).length];
            for (int v = 0; v < moments[q].length; v++) {
                moments[q][v] = new RunningMoments(total);
            }
        }
        ChunkReduce<RunningMoments[]> reduce = (from, blocks) -> Arrays.asList(InterventionBlock.effectMoments(blocks));
        forEachChunk(inputs, progress, reduce, (from, perInput) -> {
            for (int q = 0; q < inputs.length; q++) {
                for (int v = 0; v < moments[q].length; v++) {
                    moments[q][v].merge(perInput.get(q)[v]);
                }
            }
        });
        List<InputEffect> effects = new ArrayList<>();
        for (int q = 0; q < inputs.length; q++) {
            double[][] ace = new double[moments[q].length][];
            double[][] se = new double[moments[q].length][];
            for (int v = 0; v < ace.length; v++) {
                ace[v] = moments[q][v].mean();
                se[v] = moments[q][v].standardError();
            }
            effects.add(new InputEffect(inputs[q], values(inputs[q]), ace, se));
        }
        return effects;
    }

    /**
     * Per-draw activations and effects of one input, from exactly the draws {@link #estimate} uses. Each worker
     * writes its own chunk's rows, which no other chunk touches, so the copies run in parallel.
     */
    SampleFeatures features(int input, Progress progress) {
        int total = layout().total();
        double[] values = values(input);
        float[][] activations = new float[values.length][Math.multiplyExact(draws.count(), total)];
        float[][] effects = new float[values.length][draws.count() * total];
        forEachChunk(new int[] {input}, progress, (from, blocks) -> {
            InterventionBlock block = blocks.get(0);
            for (int v = 0; v < values.length; v++) {
                System.arraycopy(block.activations(), block.offset(v), activations[v], from * total, block.cells());
            }
            block.copyEffects(effects, from * total);
            return List.of(Boolean.TRUE);
        }, (from, done) -> { });
        return new SampleFeatures(input, values, layout(), draws.count(), activations, effects);
    }

    /** The intervention values of an input: the alpha grid for a latent, {1} for a class. */
    double[] values(int input) {
        return request.schema().isLatent(input) ? request.alphas().clone() : new double[] {1};
    }

    /**
     * Reduces blocks of the draws from {@code from} on a worker, before their buffers are reused: one result per
     * block, in order. The blocks given together share their activations (one latent's, or every class's).
     */
    private interface ChunkReduce<R> {
        List<R> apply(int from, List<InterventionBlock> blocks);
    }

    private interface ChunkSink<R> {
        void accept(int from, List<R> perInput);
    }

    /**
     * Evaluates the chunks on {@code threads} workers, at most two per worker ahead of the sink. Each worker
     * reduces every input's block as soon as it is computed, in arrays it reuses, and the sink receives the
     * chunks in order, so it needs no locking and its sums do not depend on the thread count. The next chunk is
     * handed out before the sink runs, so the workers never wait on it.
     */
    private <R> void forEachChunk(int[] inputs, Progress progress, ChunkReduce<R> reduce, ChunkSink<R> sink) {
        int n = draws.count();
        int chunks = (n + chunk - 1) / chunk;
        Queue<ChunkBuffers> buffers = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Workers.pool(threads, "ace-chunk");
        try {
            Deque<Future<List<R>>> pending = new ArrayDeque<>();
            int submitted = 0;
            for (int c = 0; c < chunks; c++) {
                while (submitted < chunks && pending.size() < 2 * threads) {
                    int from = submitted * chunk;
                    int to = Math.min(n, from + chunk);
                    pending.add(pool.submit(() -> evaluate(inputs, from, to, reduce, buffers)));
                    submitted++;
                }
                List<R> perInput = Futures.await(pending.poll(), "ACE");
                int from = c * chunk;
                sink.accept(from, perInput);
                progress.advance(Math.min(n, from + chunk) - from);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private <R> List<R> evaluate(int[] inputs, int from, int to, ChunkReduce<R> reduce, Queue<ChunkBuffers> pool) {
        ChunkBuffers buffers = Objects.requireNonNullElseGet(pool.poll(), ChunkBuffers::new);
        try {
            InputSchema schema = request.schema();
            List<R> results = new ArrayList<>(Collections.nCopies(inputs.length, null));
            List<Integer> classes = new ArrayList<>();
            for (int q = 0; q < inputs.length; q++) {
                if (schema.isLatent(inputs[q])) {
                    results.set(q, reduce.apply(from, List.of(sampler.latentBlock(inputs[q], from, to, buffers))).get(0));
                } else {
                    classes.add(q);
                }
            }
            if (!classes.isEmpty()) {
                float[] classActivations = sampler.classActivations(from, to, buffers);
                List<R> reduced = reduce.apply(from, classes.stream()
                        .map(q -> sampler.classBlock(inputs[q], classActivations, to - from, buffers)).toList());
                for (int i = 0; i < classes.size(); i++) {
                    results.set(classes.get(i), reduced.get(i));
                }
            }
            return results;
        } finally {
            pool.add(buffers);
        }
    }
}
