package dnnc.plugins.model;

import dnnc.api.ImageClassifier;
import dnnc.api.ImageSet;
import dnnc.api.LabeledData;
import dnnc.api.ModelTrainer;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.TrainedModel;
import dnnc.plugins.support.VectorApi;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The judge of reconstructions: a small LeNet-style CNN ({@link JudgeGraph}) trained with Adam on the run's training
 * images, its learning rate decaying linearly to zero over the run, by hand-written backprop ({@link JudgeBackprop})
 * or on the SameDiff graph.
 */
@PluginInfo(name = "cnn-judge", description = "small CNN classifier: conv-pool-conv-pool-dense, Adam with linearly decaying rate; judges reconstructions")
public final class CnnJudge implements ModelTrainer {
    @Param(description = "passes over the training set", min = 1, max = 1000)
    private int epochs = 5;

    @Param(description = "images per Adam step", min = 1, max = 100000)
    private int batchSize = 32;

    @Param(description = "initial Adam learning rate; it decays linearly to 0 by the last step", min = 0, minExclusive = true, max = 1)
    private double learningRate = 1.5e-3;

    @Param(description = "side of the square convolution kernels", min = 1, max = 9)
    private int kernel = 5;

    @Param(description = "filters of the first convolution", min = 1, max = 256)
    private int filters1 = 16;

    @Param(description = "filters of the second convolution", min = 1, max = 256)
    private int filters2 = 32;

    @Param(description = "units of the hidden dense layer", min = 1, max = 4096)
    private int dense = 128;

    @Param(description = "seed of initial weights and batch order; -1 derives it from the run's seed", min = -1)
    private long seed = -1;

    @Param(description = "how the judge is trained: backprop (forward and backward passes written for its layers, over "
            + "every core) or samediff (SameDiff's graph, one core; what trained the judges cached before backprop)",
            allowed = {Trainers.BACKPROP, Trainers.SAMEDIFF})
    private String trainer = Trainers.BACKPROP;

    /**
     * A judge of this plugin's default architecture with random weights, for benchmarks that time classification
     * (its answers mean nothing): {@code onGraph} classifies through the SameDiff graph instead of the SIMD forward.
     */
    public static ImageClassifier untrained(int rows, int cols, int classes, long seed, boolean onGraph) {
        CnnJudge defaults = new CnnJudge();
        JudgeGraph graph = new JudgeGraph(rows, cols, defaults.kernel, defaults.filters1, defaults.filters2, defaults.dense, classes);
        return new TrainedJudge(graph, graph.initialWeights(new Random(seed)), !onGraph && VectorApi.usable("dnnc.graphJudge"),
                "untrained", Map.of(), null);
    }

    @Override
    public TrainedModel fit(LabeledData data, RunContext context) {
        long effectiveSeed = seed == -1 ? context.seed() : seed;
        ModelCache cache = new ModelCache(context.cacheDir(), name(), data.sha256(), Trainers.cacheIdentity(parameterValues(), effectiveSeed));
        JudgeGraph graph = new JudgeGraph(data.train().rows(), data.train().cols(), kernel, filters1, filters2, dense, data.classCount());
        Random random = new Random(effectiveSeed);
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, INDArray> weights = new LinkedHashMap<>();
        String sha256;
        Optional<ModelCache.Saved> saved = cache.load();
        if (saved.isPresent()) {
            graph.shapes().forEach((name, shape) -> weights.put(name, saved.get().get(name, shape)));
            sha256 = saved.get().sha256();
            metrics.put("loaded_from_cache", true);
        } else {
            try (Progress progress = context.progress("train " + name(), (long) epochs * data.train().count(), "images")) {
                weights.putAll(trainer.equals(Trainers.SAMEDIFF) ? trainOnGraph(graph, data, random, progress)
                        : JudgeBackprop.train(graph, data.train(), epochs, batchSize, learningRate, random, progress));
            }
            sha256 = cache.save(weights);
            metrics.put("loaded_from_cache", false);
        }
        metrics.put("cache_file", cache.file().toString());
        return new TrainedJudge(graph, weights, sha256, metrics, data.heldOut());
    }

    private Map<String, INDArray> trainOnGraph(JudgeGraph graph, LabeledData data, Random random, Progress progress) {
        SameDiff sd = graph.build(graph.initialWeights(random));
        ImageSet train = data.train();
        int steps = epochs * ((train.count() + batchSize - 1) / batchSize);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(new LinearDecay(learningRate, steps)))
                .dataSetFeatureMapping(JudgeGraph.X).dataSetLabelMapping(JudgeGraph.Y).build());
        CvaeTraining.silently(sd::createGradFunction);
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.shuffled(train.count(), random);
            for (int from = 0; from < train.count(); from += batchSize) {
                int size = Math.min(batchSize, train.count() - from);
                sd.fit(new DataSet(Batches.pixels(train, order, from, size), Batches.oneHot(train, order, from, size, data.classCount())));
                progress.advance(size);
            }
            progress.status(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs));
        }
        Map<String, INDArray> weights = new LinkedHashMap<>();
        graph.shapes().keySet().forEach(name -> weights.put(name, sd.getVariable(name).getArr().dup()));
        return weights;
    }
}
