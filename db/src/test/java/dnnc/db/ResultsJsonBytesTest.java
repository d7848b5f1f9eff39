package dnnc.db;

import dnnc.api.Recorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * results.json is the same bytes whatever order a recorded map or set iterates in: Map.of and Set.of iterate in an
 * order drawn per JVM, so a run spread over worker JVMs would otherwise differ from the same run in one JVM.
 */
class ResultsJsonBytesTest {
    private static final int KEYS = 40;

    @TempDir
    Path runs;

    @Test
    void aMapRecordedInAnyIterationOrderGivesTheSameBytes() {
        Map<String, Object> inOrder = new TreeMap<>(manyKeys());
        List<String> keys = new ArrayList<>(inOrder.keySet());
        Collections.shuffle(keys, new Random(17));
        Map<String, Object> shuffled = new LinkedHashMap<>();
        keys.forEach(key -> shuffled.put(key, inOrder.get(key)));
        assertNotEquals(new ArrayList<>(inOrder.keySet()), new ArrayList<>(shuffled.keySet()), "the shuffle must change the order");

        String sorted = recordedJson(inOrder);
        assertEquals(sorted, recordedJson(shuffled));
        assertEquals(sorted, recordedJson(Map.copyOf(shuffled)));
        assertEquals(sorted, recordedJson(new HashMap<>(shuffled)));
        assertTrue(sorted.indexOf("\"k00\"") < sorted.indexOf("\"k01\"") && sorted.indexOf("\"k38\"") < sorted.indexOf("\"k39\""),
                "keys in their order: " + sorted);
    }

    @Test
    void aSetIsWrittenInTheOrderOfItsElements() {
        List<String> words = new ArrayList<>(manyKeys().keySet());
        Collections.shuffle(words, new Random(3));
        assertEquals(recordedJson(Set.copyOf(words)), recordedJson(new LinkedHashSet<>(words)));
        assertEquals(recordedJson(new java.util.TreeSet<>(words)), recordedJson(new LinkedHashSet<>(words)));
    }

    @Test
    void twoKeysWrittenAlikeAreRefusedRatherThanOneWinningByIterationOrder() {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 1));
            assertThrows(IllegalArgumentException.class, () -> run.recorder().result("m", Map.of(1, "a", "1", "b")));
        }
    }

    /** The same Map.of in this JVM and in another: Map.of's iteration order differs between the two, the bytes must not. */
    @Test
    void aMapOfGivesTheSameBytesInAnotherJvm() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), ResultsJsonBytesTest.class.getName()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        child.getInputStream().transferTo(out);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the second JVM did not end");
        assertEquals(0, child.exitValue(), new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(Json.write(Json.recordedNode(nestedMapOf(), "m")), out.toString(StandardCharsets.UTF_8));
    }

    /** The second JVM of {@link #aMapOfGivesTheSameBytesInAnotherJvm}. */
    public static void main(String[] args) {
        System.out.print(Json.write(Json.recordedNode(nestedMapOf(), "m")));
    }

    private static Map<String, Object> nestedMapOf() {
        Map<String, Object> outer = new HashMap<>(manyKeys());
        outer.put("inner", Map.copyOf(manyKeys()));
        outer.put("set", Set.copyOf(manyKeys().keySet()));
        return Map.copyOf(outer);
    }

    private static Map<String, Object> manyKeys() {
        Map<String, Object> keys = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            keys.put(String.format("k%02d", i), i * 0.5);
        }
        return Map.copyOf(keys);
    }

    private String recordedJson(Object value) {
        try (RecordStore store = RecordStore.open(runs)) {
            RunHandle run = store.startRun(Fixtures.newRun("w.yaml", 1));
            Recorder recorder = run.startStep("s", "test", "maps", Map.of()).recorder();
            recorder.result("study.value", value);
            recorder.table("t", List.of("cell"), List.of(List.of(value)));
            String table = Json.write(Json.recordedNode(store.table(run.id(), "t").rows().get(0), "row"));
            return store.resultsJson(run.id()) + table;
        }
    }
}
