package dnnc.plugins.model;

import dnnc.api.ImageClassifier;
import dnnc.api.LabeledData;
import dnnc.api.Slots;
import dnnc.plugins.data.MnistIdxDataset;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One short epoch on 2,000 digits: enough to tell a learning network from a broken one. */
class CnnJudgeTest {
    private static final Map<String, String> SHORT = Map.of("epochs", "1", "seed", "3");

    @TempDir
    static Path shared;

    private static LabeledData data;
    private static ImageClassifier judge;

    @BeforeAll
    static void trainOnce() {
        MnistIdxDataset dataset = new MnistIdxDataset();
        dataset.configure(Map.of("train", "2000", "held-out", "500"));
        data = dataset.load(new TestRunContext(shared.resolve("data")));
        judge = (ImageClassifier) judge().fit(data, new TestRunContext(shared.resolve("run"), shared.resolve("cache"), 0));
    }

    private static CnnJudge judge() {
        CnnJudge j = new CnnJudge();
        j.configure(SHORT);
        return j;
    }

    @Test
    void learnsToClassifyHeldOutDigits() {
        assertTrue(judge.heldOutAccuracy() > 0.75, "held-out accuracy " + judge.heldOutAccuracy());
        int[] predicted = judge.classify(data.heldOut().pixels(), data.heldOut().count());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.heldOut().labels()[i] ? 1 : 0;
        }
        assertEquals(judge.heldOutAccuracy(), (double) correct / predicted.length);
    }

    @Test
    void retrainingWithTheSameSeedGivesTheSameBytes() {
        ImageClassifier again = (ImageClassifier) judge().fit(data, new TestRunContext(shared.resolve("again"), shared.resolve("other-cache"), 0));
        assertEquals(false, again.metrics().get("loaded_from_cache"));
        assertEquals(judge.sha256(), again.sha256());
    }

    @Test
    void theStageLoadsTheCachedJudgeWithIdenticalPredictions() {
        TestRunContext context = new TestRunContext(shared.resolve("second"), shared.resolve("cache"), 0);
        context.put(Slots.DATA, data);
        new ModelStage().run(judge(), context);
        ImageClassifier loaded = context.require(Slots.JUDGE, "test");
        assertEquals(true, loaded.metrics().get("loaded_from_cache"));
        assertEquals(judge.sha256(), loaded.sha256());
        float[] images = java.util.Arrays.copyOf(data.train().pixels(), 300 * 784);
        assertArrayEquals(judge.classify(images, 300), loaded.classify(images, 300));
        assertEquals(judge.heldOutAccuracy(), context.recorder().results.get("judge.test_accuracy"));
        assertEquals(judge.sha256(), context.recorder().inputHashes.get("model:cnn-judge"));
    }

    /** Judges cached by SameDiff before there was a choice of trainer are found under trainer=samediff, and only there. */
    @Test
    void aJudgeCachedBeforeBackpropIsFoundUnderTheSameDiffTrainer() {
        Path cacheDir = shared.resolve("cached-by-samediff");
        Map<String, String> sameDiffSettings = new java.util.HashMap<>(SHORT);
        sameDiffSettings.put("trainer", "samediff");
        CnnJudge sameDiff = new CnnJudge();
        sameDiff.configure(sameDiffSettings);
        Map<String, String> keyBefore = new java.util.LinkedHashMap<>(sameDiff.parameterValues());
        keyBefore.remove("trainer");
        keyBefore.put("seed", "3");
        JudgeGraph graph = new JudgeGraph(28, 28, 5, 16, 32, 128, 10);
        String saved = new ModelCache(cacheDir, "cnn-judge", data.sha256(), keyBefore).save(graph.initialWeights(new java.util.Random(1)));

        ImageClassifier found = (ImageClassifier) sameDiff.fit(data, new TestRunContext(shared.resolve("found"), cacheDir, 0));
        assertEquals(true, found.metrics().get("loaded_from_cache"));
        assertEquals(saved, found.sha256());
        assertEquals(false, judge().fit(data, new TestRunContext(shared.resolve("not-found"), cacheDir, 0)).metrics().get("loaded_from_cache"),
                "a backprop judge is no SameDiff judge");
    }
}
