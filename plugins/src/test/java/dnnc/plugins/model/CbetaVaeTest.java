package dnnc.plugins.model;

import dnnc.api.Activations;
import dnnc.api.ConditionalGenerator;
import dnnc.api.Intervention;
import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.Lesion;
import dnnc.api.NetworkProbe;
import dnnc.api.Slots;
import dnnc.plugins.data.MnistIdxDataset;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiny trainings (1,000 digits, 1-3 epochs) of the full-size cVAE. */
class CbetaVaeTest {
    private static final Map<String, String> ONE_EPOCH = Map.of("epochs", "1", "seed", "7");

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static LabeledData data;
    private static TestRunContext trainedRun;
    private static TrainedCvae model;

    @BeforeAll
    static void trainOnce() {
        MnistIdxDataset dataset = new MnistIdxDataset();
        dataset.configure(Map.of("train", "1000", "held-out", "200"));
        data = dataset.load(new TestRunContext(shared.resolve("data")));
        trainedRun = new TestRunContext(shared.resolve("run"), shared.resolve("cache"), 0);
        model = (TrainedCvae) vae(ONE_EPOCH).fit(data, trainedRun);
    }

    private static CbetaVae vae(Map<String, String> params) {
        CbetaVae vae = new CbetaVae();
        vae.configure(params);
        return vae;
    }

    @Test
    void theSameSeedGivesIdenticalWeights() {
        TrainedCvae again = (TrainedCvae) vae(ONE_EPOCH).fit(data, new TestRunContext(tmp));
        assertEquals(false, again.metrics().get("loaded_from_cache"));
        model.weights().forEach((name, w) -> assertEquals(w, again.weights().get(name), name));
        assertEquals(model.sha256(), again.sha256());
        TrainedCvae otherSeed = (TrainedCvae) vae(Map.of("epochs", "1", "seed", "8")).fit(data, new TestRunContext(tmp));
        assertNotEquals(model.weights().get("dec1_w"), otherSeed.weights().get("dec1_w"));
    }

    @Test
    void theTrainingLossFallsAndIsReportedPerEpoch() {
        TestRunContext context = new TestRunContext(tmp);
        TrainedCvae trained = (TrainedCvae) vae(Map.of("epochs", "3", "seed", "7")).fit(data, context);
        @SuppressWarnings("unchecked")
        List<Double> loss = (List<Double>) trained.metrics().get("train_loss");
        @SuppressWarnings("unchecked")
        List<Double> rec = (List<Double>) trained.metrics().get("train_reconstruction");
        @SuppressWarnings("unchecked")
        List<Double> kl = (List<Double>) trained.metrics().get("train_kl");
        assertEquals(3, loss.size());
        assertTrue(loss.get(2) < loss.get(0), "loss per epoch " + loss);
        for (int e = 0; e < 3; e++) {
            assertTrue(Double.isFinite(loss.get(e)) && loss.get(e) > 0, "loss " + loss);
            assertTrue(rec.get(e) > 0 && kl.get(e) >= 0, "reconstruction " + rec + ", KL " + kl);
        }
        assertEquals(3, context.statuses().size());
        assertTrue(context.statuses().get(2).contains("loss") && context.statuses().get(2).contains("KL"), context.statuses().get(2));
        // a first-epoch loss near the mean summed BCE of an untrained decoder would mean no step was taken
        assertTrue(loss.get(0) < 784 * Math.log(2), "loss " + loss);
    }

    /**
     * The two trainers start from the same weights and see the same batches and noise, so their loss curves differ
     * only by float rounding; the SameDiff trainer keeps the cache key models had before there was a choice.
     */
    @Test
    void backpropAndSameDiffFollowTheSameLossCurveAndSameDiffKeepsTheOldCacheKey() {
        Map<String, String> threeEpochs = Map.of("epochs", "3", "seed", "7");
        TrainedCvae backprop = (TrainedCvae) vae(threeEpochs).fit(data, new TestRunContext(tmp.resolve("b")));
        Map<String, String> sameDiffParameters = new java.util.HashMap<>(threeEpochs);
        sameDiffParameters.put("trainer", "samediff");
        CbetaVae sameDiffVae = vae(sameDiffParameters);
        TestRunContext sameDiffRun = new TestRunContext(tmp.resolve("s"));
        TrainedCvae sameDiff = (TrainedCvae) sameDiffVae.fit(data, sameDiffRun);
        @SuppressWarnings("unchecked")
        List<Double> ours = (List<Double>) backprop.metrics().get("train_loss");
        @SuppressWarnings("unchecked")
        List<Double> theirs = (List<Double>) sameDiff.metrics().get("train_loss");
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(theirs.get(epoch), ours.get(epoch), 0.005 * theirs.get(epoch), "epoch " + epoch + ": " + ours + " vs " + theirs);
        }
        Map<String, String> keyBefore = new java.util.LinkedHashMap<>(sameDiffVae.parameterValues());
        keyBefore.remove("engine");
        keyBefore.remove("trainer");
        keyBefore.put("seed", "7");
        Path cacheDir = Path.of((String) sameDiff.metrics().get("cache_file")).getParent().getParent();
        assertEquals(new ModelCache(cacheDir, "cbeta-vae", data.sha256(), keyBefore).file().toString(), sameDiff.metrics().get("cache_file"));
        assertNotEquals(Path.of((String) backprop.metrics().get("cache_file")).getFileName(),
                Path.of((String) sameDiff.metrics().get("cache_file")).getFileName());
    }

    @Test
    void aCachedModelLoadsWithBitIdenticalOutputs() {
        TrainedCvae loaded = (TrainedCvae) vae(ONE_EPOCH).fit(data,
                new TestRunContext(tmp.resolve("second-run"), shared.resolve("cache"), 0));
        assertEquals(true, loaded.metrics().get("loaded_from_cache"));
        assertEquals(model.sha256(), loaded.sha256());
        float[] inputs = decoderInputs(model, 64, 3);
        assertArrayEquals(model.decoder().forward(inputs, 64, Lesion.none()).output(),
                loaded.decoder().forward(inputs, 64, Lesion.none()).output());
        assertArrayEquals(model.klPerLatent(), loaded.klPerLatent());
        assertEquals(model.metrics().get("test_bce"), loaded.metrics().get("test_bce"));
    }

    @Test
    void aCorruptOrForeignCacheFileIsRefusedNamingIt() throws IOException {
        Path cache = tmp.resolve("cache");
        Path file = Path.of((String) vae(ONE_EPOCH).fit(data, new TestRunContext(tmp.resolve("a"), cache, 0)).metrics().get("cache_file"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        String corrupt = assertThrows(InvalidInputException.class,
                () -> vae(ONE_EPOCH).fit(data, new TestRunContext(tmp.resolve("b"), cache, 0))).getMessage();
        assertTrue(corrupt.contains(file.toString()) && corrupt.contains("corrupt"), corrupt);

        ModelCache other = new ModelCache(tmp.resolve("other"), "cbeta-vae", "another data set", Map.of());
        other.save(Map.of("dec1_w", Nd4j.ones(2, 2)));
        Files.copy(other.file(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String foreign = assertThrows(InvalidInputException.class,
                () -> vae(ONE_EPOCH).fit(data, new TestRunContext(tmp.resolve("c"), cache, 0))).getMessage();
        assertTrue(foreign.contains(file.toString()) && foreign.contains("belongs to"), foreign);

        Files.writeString(file, "not a model");
        String alien = assertThrows(InvalidInputException.class,
                () -> vae(ONE_EPOCH).fit(data, new TestRunContext(tmp.resolve("d"), cache, 0))).getMessage();
        assertTrue(alien.contains(file.toString()) && alien.contains("not a dnnc model"), alien);
        assertFalse(alien.contains("\n"));
    }

    @Test
    void theDecoderProbeEqualsTheSameDiffDecoderLayerByLayer() {
        int batch = 50;
        float[] inputs = decoderInputs(model, batch, 5);
        Activations probe = model.decoder().forward(inputs, batch, Lesion.none());
        List<String> names = model.shape().decoderLayerNames();
        Map<String, INDArray> graph = CvaeGraph.decoder(model.shape(), model.weights()).output(
                Map.of(CvaeGraph.ZC, Nd4j.create(inputs, new long[] {batch, inputs.length / batch}, 'c')),
                names.subList(1, names.size()).toArray(new String[0]));
        assertEquals(List.of("input", "dec1", "dec2", "dec3", "output"), names);
        for (int l = 1; l < names.size(); l++) {
            float[] expected = graph.get(names.get(l)).data().asFloat();
            float[] actual = probe.layer(l);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5f + 1e-5f * Math.abs(expected[i]), names.get(l) + " value " + i);
            }
        }
        for (float p : probe.output()) {
            assertTrue(p >= 0 && p <= 1, "pixel probability " + p);
        }
    }

    @Test
    void anInterventionSetsExactlyTheChosenLatent() {
        int batch = 20;
        int width = model.inputs().size();
        float[] inputs = decoderInputs(model, batch, 9);
        Activations done = model.decoder().forward(inputs, batch, List.of(new Intervention(3, 2.5f)), Lesion.none());
        float[] edited = inputs.clone();
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < width; j++) {
                assertEquals(j == 3 ? 2.5f : inputs[s * width + j], done.get(s, 0, j));
            }
            edited[s * width + 3] = 2.5f;
        }
        assertArrayEquals(model.decoder().forward(edited, batch, Lesion.none()).output(), done.output());
    }

    @Test
    void aLesionZeroesExactlyTheChosenNeuronsAndNothingUpstream() {
        int batch = 30;
        float[] inputs = decoderInputs(model, batch, 11);
        NetworkProbe decoder = model.decoder();
        Activations intact = decoder.forward(inputs, batch, Lesion.none());
        int[] dead = {5, 17, 200};
        Activations lesioned = decoder.forward(inputs, batch, new Lesion(Map.of(2, dead)));
        assertArrayEquals(intact.layer(0), lesioned.layer(0));
        assertArrayEquals(intact.layer(1), lesioned.layer(1));
        int width = intact.layerSizes()[2];
        for (int s = 0; s < batch; s++) {
            for (int n = 0; n < width; n++) {
                boolean isDead = n == 5 || n == 17 || n == 200;
                assertEquals(isDead ? 0f : intact.get(s, 2, n), lesioned.get(s, 2, n));
            }
        }
        assertFalse(java.util.Arrays.equals(intact.output(), lesioned.output()), "lesioning live neurons must change the output");
    }

    @Test
    void theModelStagePutsTheGeneratorAndRecordsItsNumbers() {
        TestRunContext context = new TestRunContext(tmp.resolve("stage"), shared.resolve("cache"), 0);
        context.put(Slots.DATA, data);
        new ModelStage().run(vae(ONE_EPOCH), context);
        ConditionalGenerator generator = context.require(Slots.MODEL, "test");
        assertEquals(model.sha256(), generator.sha256());
        Map<String, Object> results = context.recorder().results;
        assertEquals(10, ((List<?>) results.get("model.kl_per_latent")).size());
        assertTrue((Double) results.get("model.test_bce") > 0);
        assertTrue((Integer) results.get("model.active_latents") >= 0);
        assertEquals(model.sha256(), context.recorder().inputHashes.get("model:cbeta-vae"));
        assertEquals(20, generator.inputs().size());
        assertEquals(28, generator.imageRows());
        assertEquals(1.0, java.util.Arrays.stream(generator.inputs().classFrequencies()).sum(), 1e-12);
    }

    /** Standard-normal latents and a one-hot class per row, as the attribution step draws them. */
    private static float[] decoderInputs(ConditionalGenerator generator, int batch, long seed) {
        Random random = new Random(seed);
        int latents = generator.inputs().latents();
        int width = generator.inputs().size();
        float[] x = new float[batch * width];
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < latents; j++) {
                x[s * width + j] = (float) random.nextGaussian();
            }
            x[s * width + latents + random.nextInt(generator.inputs().classes())] = 1f;
        }
        return x;
    }
}
