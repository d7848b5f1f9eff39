package dnnc.plugins.model;

import dnnc.api.ConditionalGenerator;
import dnnc.api.ImageClassifier;
import dnnc.api.LabeledData;
import dnnc.api.ModelTrainer;
import dnnc.api.PluginKind;
import dnnc.api.Recorder;
import dnnc.api.RunContext;
import dnnc.api.Slots;
import dnnc.api.NetworkSummary;
import dnnc.api.ProbedNetwork;
import dnnc.api.Stage;
import dnnc.api.Tensor;
import dnnc.api.TensorInfo;
import dnnc.api.TrainedModel;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits (or loads) a model on the run's data. A generator becomes the network under study ({@link Slots#MODEL}),
 * a classifier the judge of reconstructions ({@link Slots#JUDGE}), a network brought as a file the network under study
 * ({@link Slots#NETWORK}, with what it is on record under {@code network.}).
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
            Object engine = model.metrics().get("engine");
            if (engine != null) {
                recorder.result("model.engine", engine);
            }
        }
        if (model instanceof ProbedNetwork network) {
            context.put(Slots.NETWORK, network);
            recordNetwork(network.summary(), recorder);
        }
        if (model instanceof ImageClassifier judge) {
            context.put(Slots.JUDGE, judge);
            recorder.result("judge.test_accuracy", judge.heldOutAccuracy());
        }
    }

    /** What network a run analysed, so that a reader of the record can tell it from any other. */
    private static void recordNetwork(NetworkSummary summary, Recorder recorder) {
        recorder.result("network.file", summary.file());
        recorder.result("network.sha256", summary.sha256());
        recorder.result("network.format", summary.format());
        recorder.result("network.parameters", summary.parameters());
        recorder.result("network.opsets", summary.opsets());
        recorder.result("network.inputs", summary.inputs().stream().map(ModelStage::describe).toList());
        recorder.result("network.probed", summary.probed().stream().map(ModelStage::describe).toList());
        recorder.result("network.outputs", summary.outputs().stream().map(ModelStage::describe).toList());
    }

    private static Map<String, Object> describe(TensorInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("op", t.op());
        m.put("shape", Tensor.shapeText(t.shape()));
        m.put("type", t.type());
        m.put("units", t.units());
        return m;
    }

    /** How many latents carry more than {@link #ACTIVE_LATENT_KL} nats of KL: the ones the decoder uses. */
    public static int activeLatents(double[] klPerLatent) {
        return (int) Arrays.stream(klPerLatent).filter(v -> v > ACTIVE_LATENT_KL).count();
    }
}
