package dnnc.plugins.model;

import dnnc.api.InputSchema;
import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.ModelTrainer;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Preflight;
import dnnc.api.Progress;
import dnnc.api.RunContext;
import dnnc.api.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The conditional beta-VAE of the study (METHODS.md section 1), trained (by hand-written backprop or SameDiff) or loaded from the model cache. */
@PluginInfo(name = "cbeta-vae", description = "conditional beta-VAE: encoder 794-512-256-128, decoder 20-128-256-512-784; cached by data and parameters")
public final class CbetaVae implements ModelTrainer, Preflight {
    private static final String LOSS_HISTORY = "history.loss";
    private static final String RECONSTRUCTION_HISTORY = "history.reconstruction";
    private static final String KL_HISTORY = "history.kl";

    @Param(description = "number of latent dimensions z", min = 1, max = 1000)
    private int latentSize = 10;

    @Param(description = "encoder hidden layer sizes, comma-separated; the decoder mirrors them", min = 1, max = 100000)
    private double[] hidden = {512, 256, 128};

    @Param(description = "weight of the KL term", min = 0)
    private double beta = 10;

    @Param(description = "passes over the training set", min = 1, max = 10000)
    private int epochs = 20;

    @Param(description = "images per Adam step", min = 1, max = 100000)
    private int batchSize = 128;

    @Param(description = "Adam learning rate", min = 0, minExclusive = true, max = 1)
    private double learningRate = 1e-3;

    @Param(description = "seed of initial weights, batch order and noise; -1 derives it from the run's seed", min = -1)
    private long seed = -1;

    @Param(description = "engine the decoder runs in for the analysis: builtin (ND4J) or onnx (ONNX Runtime, the decoder "
            + "exported beside the cached model)", allowed = {"builtin", "onnx"})
    private String engine = "builtin";

    @Param(description = "how the model is trained: backprop (forward and backward passes written for its dense layers, "
            + "over every core) or samediff (SameDiff's graph, one core; what trained the models cached before backprop)",
            allowed = {Trainers.BACKPROP, Trainers.SAMEDIFF})
    private String trainer = Trainers.BACKPROP;

    @Override
    public TrainedModel fit(LabeledData data, RunContext context) {
        CvaeShape shape = new CvaeShape(data.train().pixelsPerImage(), data.classCount(), latentSize, hiddenSizes());
        long effectiveSeed = seed == -1 ? context.seed() : seed;
        ModelCache cache = cacheEntry(context.cacheDir(), data.sha256(), effectiveSeed);

        Map<String, INDArray> weights;
        Map<String, INDArray> history;
        String sha256;
        Map<String, Object> metrics = new LinkedHashMap<>();
        Optional<ModelCache.Saved> saved = cache.load();
        if (saved.isPresent()) {
            weights = savedWeights(shape, saved.get());
            history = Map.of(LOSS_HISTORY, saved.get().get(LOSS_HISTORY, epochs),
                    RECONSTRUCTION_HISTORY, saved.get().get(RECONSTRUCTION_HISTORY, epochs),
                    KL_HISTORY, saved.get().get(KL_HISTORY, epochs));
            sha256 = saved.get().sha256();
            metrics.put("loaded_from_cache", true);
        } else {
            CvaeTraining.Result trained;
            try (Progress progress = context.progress("train " + name(), (long) epochs * data.train().count(), "images")) {
                trained = trainer.equals(Trainers.SAMEDIFF)
                        ? CvaeTraining.train(shape, data.train(), beta, epochs, batchSize, learningRate, effectiveSeed, progress)
                        : CvaeBackprop.train(shape, data.train(), beta, epochs, batchSize, learningRate, effectiveSeed, progress);
            }
            weights = trained.weights();
            history = Map.of(LOSS_HISTORY, Nd4j.createFromArray(trained.loss()),
                    RECONSTRUCTION_HISTORY, Nd4j.createFromArray(trained.reconstruction()),
                    KL_HISTORY, Nd4j.createFromArray(trained.kl()));
            Map<String, INDArray> file = new LinkedHashMap<>(weights);
            file.putAll(history);
            sha256 = cache.save(file);
            metrics.put("loaded_from_cache", false);
            metrics.put("train_samples_per_s", trained.samplesPerSecond());
        }
        CvaeEvaluation held = CvaeEvaluation.of(shape, weights, data.heldOut());
        metrics.put("test_bce", held.testBce());
        metrics.put("kl_per_latent", Arrays.stream(held.klPerLatent()).boxed().toList());
        metrics.put("kl_total", Arrays.stream(held.klPerLatent()).sum());
        metrics.put("train_loss", Arrays.stream(history.get(LOSS_HISTORY).toDoubleVector()).boxed().toList());
        metrics.put("train_reconstruction", Arrays.stream(history.get(RECONSTRUCTION_HISTORY).toDoubleVector()).boxed().toList());
        metrics.put("train_kl", Arrays.stream(history.get(KL_HISTORY).toDoubleVector()).boxed().toList());
        metrics.put("cache_file", cache.file().toString());
        InputSchema inputs = new InputSchema(latentSize, data.classCount(), data.classFrequencies());
        TrainedCvae model = new TrainedCvae(shape, weights, inputs, data.train().rows(), data.train().cols(), held.klPerLatent(), sha256, metrics);
        return engine.equals("onnx") ? OnnxDecoder.of(model, cache.file().resolveSibling(cache.file().getFileName() + ".decoder.onnx")) : model;
    }

    /** Declares the latent count and refuses a corrupt or foreign cache file before the run is on record. */
    @Override
    public void preflight(Map<String, String> facts) {
        hiddenSizes();
        facts.put(Preflight.MODEL_LATENTS, Integer.toString(latentSize));
        String dataSha256 = facts.get(Preflight.DATA_SHA256);
        String cacheDir = facts.get(Preflight.CACHE_DIR);
        String runSeed = facts.get(Preflight.RUN_SEED);
        if (dataSha256 != null && cacheDir != null && runSeed != null) {
            cacheEntry(Path.of(cacheDir), dataSha256, seed == -1 ? Long.parseLong(runSeed) : seed).verify();
        }
    }

    /** The cache entry of this model: plugin, data and every parameter, with the seed actually used. */
    private ModelCache cacheEntry(Path cacheDir, String dataSha256, long effectiveSeed) {
        Map<String, String> parameters = new LinkedHashMap<>(parameterValues());
        parameters.remove("engine");   // how the decoder is run afterwards is no part of what was trained
        return new ModelCache(cacheDir, name(), dataSha256, Trainers.cacheIdentity(parameters, effectiveSeed));
    }

    private int[] hiddenSizes() {
        int[] sizes = new int[hidden.length];
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] != Math.rint(hidden[i])) {
                throw new InvalidInputException("parameter 'hidden' of plugin '" + name() + "' holds " + hidden[i]
                        + "; expected whole layer sizes such as 512,256,128");
            }
            sizes[i] = (int) hidden[i];
        }
        return sizes;
    }

    private static Map<String, INDArray> savedWeights(CvaeShape shape, ModelCache.Saved saved) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        shape.weightShapes().forEach((name, dims) -> weights.put(name, saved.get(name, dims)));
        return weights;
    }
}
