package dnnc.plugins.model;

import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageClassifier;
import dnnc.api.LabeledData;
import dnnc.api.ModelTrainer;
import dnnc.api.PluginKind;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.api.Stage;
import dnnc.api.TrainedModel;

import java.util.Arrays;

/**
 * Fits (or loads) a model on the run's data. A generator becomes the network under study ({@link Slots#MODEL}),
 * a classifier the judge of reconstructions ({@link Slots#JUDGE}).
 */
public final class ModelStage implements Stage<ModelTrainer> {
    /** A latent whose held-out KL is below this many nats carries no information: the decoder ignores it. */
    public static final double ACTIVE_LATENT_KL = 0.05;

    @Override
    public PluginKind kind() {
        return PluginKind.MODEL;
    }

    @Override
    public void run(ModelTrainer plugin, RunContext context) {
        LabeledData data = context.require(Slots.DATA, "model step '" + plugin.name() + "'");
        TrainedModel model = plugin.fit(data, context);
        Recorder recorder = context.recorder();
        recorder.inputHash("model:" + plugin.name(), model.sha256());
        if (model instanceof ConditionalGenerator generator) {
            context.put(Slots.MODEL, generator);
            double[] kl = generator.klPerLatent();
            recorder.result("model.kl_per_latent", Arrays.stream(kl).boxed().toList());
            recorder.result("model.active_latents", activeLatents(kl));
            recorder.result("model.test_bce", model.metrics().get("test_bce"));
        }
        if (model instanceof ImageClassifier judge) {
            context.put(Slots.JUDGE, judge);
            recorder.result("judge.test_accuracy", judge.heldOutAccuracy());
        }
    }

    /** How many latents carry more than {@link #ACTIVE_LATENT_KL} nats of KL: the ones the decoder uses. */
    public static int activeLatents(double[] klPerLatent) {
        return (int) Arrays.stream(klPerLatent).filter(v -> v > ACTIVE_LATENT_KL).count();
    }
}
