package dnnc.plugins.model;

import dnnc.api.ImageSet;
import dnnc.api.LabeledData;
import dnnc.api.ModelTrainer;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.TrainedModel;
import dnnc.plugins.support.DeclaredPlugin;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** The judge of reconstructions: a small LeNet-style CNN (DL4J) trained on the run's training images. */
@PluginInfo(name = "cnn-judge", description = "small CNN classifier (DL4J): conv5x5x16-pool-conv5x5x32-pool-dense128; judges reconstructions")
public final class CnnJudge extends DeclaredPlugin implements ModelTrainer {
    private static final String PARAMS = "params";

    @Param(description = "passes over the training set", min = 1, max = 1000)
    private int epochs = 6;

    @Param(description = "images per Adam step", min = 1, max = 100000)
    private int batchSize = 64;

    @Param(description = "Adam learning rate", min = 0, minExclusive = true, max = 1)
    private double learningRate = 1e-3;

    @Param(description = "seed of initial weights and batch order; -1 derives it from the run's seed", min = -1)
    private long seed = -1;

    @Override
    public TrainedModel fit(LabeledData data, RunContext context) {
        long effectiveSeed = seed == -1 ? context.seed() : seed;
        Map<String, String> identity = new LinkedHashMap<>(parameterValues());
        identity.put("seed", Long.toString(effectiveSeed));
        ModelCache cache = new ModelCache(context.cacheDir(), name(), data.sha256(), identity);
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(data, effectiveSeed));
        net.init();
        Map<String, Object> metrics = new LinkedHashMap<>();
        String sha256;
        Optional<ModelCache.Saved> saved = cache.load();
        if (saved.isPresent()) {
            net.setParams(saved.get().get(PARAMS, net.params().shape()));
            sha256 = saved.get().sha256();
            metrics.put("loaded_from_cache", true);
        } else {
            try (Progress progress = context.progress("train " + name(), (long) epochs * data.train().count(), "images")) {
                train(net, data, effectiveSeed, progress);
            }
            sha256 = cache.save(Map.of(PARAMS, net.params()));
            metrics.put("loaded_from_cache", false);
        }
        metrics.put("cache_file", cache.file().toString());
        return new TrainedJudge(net, data.train().rows(), data.train().cols(), sha256, metrics, data.heldOut());
    }

    private MultiLayerConfiguration configuration(LabeledData data, long effectiveSeed) {
        return new NeuralNetConfiguration.Builder()
                .seed(effectiveSeed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                        .nOut(data.classCount()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.convolutionalFlat(data.train().rows(), data.train().cols(), 1))
                .build();
    }

    private void train(MultiLayerNetwork net, LabeledData data, long effectiveSeed, Progress progress) {
        ImageSet train = data.train();
        Random random = new Random(effectiveSeed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Batches.shuffled(train.count(), random);
            double loss = 0;
            for (int from = 0; from < train.count(); from += batchSize) {
                int size = Math.min(batchSize, train.count() - from);
                INDArray x = Batches.pixels(train, order, from, size);
                INDArray y = Batches.oneHot(train, order, from, size, data.classCount());
                net.fit(new DataSet(x, y));
                loss += net.score() * size;
                progress.advance(size);
            }
            progress.status(String.format(Locale.ROOT, "epoch %d/%d loss %.4f", epoch + 1, epochs, loss / train.count()));
        }
    }
}
