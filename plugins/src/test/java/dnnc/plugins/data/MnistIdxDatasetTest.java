package dnnc.plugins.data;

import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.Slots;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MnistIdxDatasetTest {

    @TempDir
    Path tmp;

    private static MnistIdxDataset dataset(Map<String, String> params) {
        MnistIdxDataset d = new MnistIdxDataset();
        d.configure(params);
        return d;
    }

    @Test
    void readsTheEmbeddedDigitsWithTheirKnownClassCounts() {
        LabeledData data = dataset(Map.of()).load(new TestRunContext(tmp));
        assertEquals(8000, data.train().count());
        assertEquals(2000, data.heldOut().count());
        assertEquals(10, data.classCount());
        assertEquals(28, data.train().rows());
        assertEquals(28, data.train().cols());
        int[] heldOut = counts(data.heldOut().labels());
        assertArrayEquals(new int[] {173, 200, 207, 216, 211, 172, 211, 228, 185, 197}, heldOut);
        int[] all = counts(data.train().labels());
        for (int k = 0; k < 10; k++) {
            all[k] += heldOut[k];
        }
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, all);
        assertTrue(data.fileSha256().containsValue("b39a4abb48938ca6328d73057349c5e35fd16251be682de30e20987aa86ff327"));
        assertTrue(data.fileSha256().containsValue("61a395a96faf45789cb8b98cf5727281adaf9c6f4dc0c4f1625cb7e7ebd49586"));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : data.train().pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void pixelsAreBytesOver255AndTheSplitTakesFirstAndLastImages() throws IOException {
        byte[] pixels = new byte[5 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 13);
        }
        writePair(tmp, idx(0x803, new int[] {5, 2, 2}, pixels), idx(0x801, new int[] {5}, new byte[] {0, 1, 2, 1, 0}), false);
        LabeledData data = dataset(Map.of("dir", tmp.toString(), "train", "2", "held-out", "2")).load(new TestRunContext(tmp));
        assertArrayEquals(new int[] {0, 1}, data.train().labels());
        assertArrayEquals(new int[] {1, 0}, data.heldOut().labels());
        assertEquals(3, data.classCount());
        assertEquals(13f / 255f, data.train().pixels()[1]);
        assertEquals((12 * 13 & 0xFF) / 255f, data.heldOut().pixels()[0]);
    }

    @Test
    void theDataHashChangesWithTheSplit() {
        String a = dataset(Map.of()).load(new TestRunContext(tmp)).sha256();
        String b = dataset(Map.of("train", "7000")).load(new TestRunContext(tmp)).sha256();
        assertFalse(a.equals(b));
    }

    @Test
    void refusesATruncatedFileNamingIt() throws IOException {
        byte[] images = idx(0x803, new int[] {3, 2, 2}, new byte[12]);
        writePair(tmp, Arrays.copyOf(images, images.length - 5), idx(0x801, new int[] {3}, new byte[3]), true);
        String message = refusal(tmp);
        assertTrue(message.contains("images-idx3-ubyte.gz") && message.contains("truncated"), message);
    }

    @Test
    void refusesATruncatedGzipStreamNamingIt() throws IOException {
        writePair(tmp, idx(0x803, new int[] {3, 2, 2}, new byte[12]), idx(0x801, new int[] {3}, new byte[3]), true);
        Path labels = tmp.resolve("labels-idx1-ubyte.gz");
        byte[] gz = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(gz, gz.length - 10));
        String message = refusal(tmp);
        assertTrue(message.contains("labels-idx1-ubyte.gz") && message.contains("truncated"), message);
    }

    @Test
    void refusesAWrongMagicNumberNamingTheFile() throws IOException {
        writePair(tmp, idx(0x803, new int[] {3, 2, 2}, new byte[12]), idx(0x803, new int[] {3}, new byte[3]), false);
        String message = refusal(tmp);
        assertTrue(message.contains("labels-idx1-ubyte") && message.contains("magic number 0x00000803"), message);
    }

    @Test
    void refusesExtraBytesAsALengthMismatchNamingTheFile() throws IOException {
        writePair(tmp, idx(0x803, new int[] {3, 2, 2}, new byte[13]), idx(0x801, new int[] {3}, new byte[3]), false);
        String message = refusal(tmp);
        assertTrue(message.contains("images-idx3-ubyte") && message.contains("length mismatch"), message);
    }

    @Test
    void refusesLabelsThatDoNotMatchTheImagesNamingTheFile() throws IOException {
        writePair(tmp, idx(0x803, new int[] {3, 2, 2}, new byte[12]), idx(0x801, new int[] {4}, new byte[4]), false);
        String message = refusal(tmp);
        assertTrue(message.contains("labels-idx1-ubyte") && message.contains("length mismatch"), message);
    }

    @Test
    void refusesAMissingLabelsFileAndAnEmptyFolder() throws IOException {
        Files.write(tmp.resolve("train-images-idx3-ubyte"), idx(0x803, new int[] {3, 2, 2}, new byte[12]));
        assertTrue(refusal(tmp).contains("train-labels-idx1-ubyte"), refusal(tmp));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertTrue(refusal(empty).contains("no IDX images file in " + empty), refusal(empty));
        assertTrue(refusal(tmp.resolve("absent")).contains("absent"));
    }

    @Test
    void refusesASplitLargerThanTheData() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> dataset(Map.of("train", "9000", "held-out", "2000")).load(new TestRunContext(tmp)));
        assertTrue(e.getMessage().contains("images-idx3-ubyte.gz") && e.getMessage().contains("10000"), e.getMessage());
    }

    @Test
    void loadsFashionMnistAsInstalledByDebian() {
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(fashion), "dataset-fashion-mnist is not installed");
        LabeledData data = dataset(Map.of("dir", fashion.toString())).load(new TestRunContext(tmp));
        assertEquals(8000, data.train().count());
        assertEquals(10, data.classCount());
        assertTrue(data.fileSha256().keySet().stream().anyMatch(n -> n.endsWith("train-images-idx3-ubyte.gz")));
        for (int c : counts(data.train().labels())) {
            assertTrue(c > 600 && c < 1000, "class count " + c);
        }
    }

    @Test
    void theStagePutsTheDataAndRecordsItsHashesAndSplit() {
        TestRunContext context = new TestRunContext(tmp);
        new DataStage().run(dataset(Map.of()), context);
        assertEquals(8000, context.require(Slots.DATA, "test").train().count());
        assertEquals("embedded:mnist-10k", context.recorder().results.get("data.source"));
        assertEquals(8000, context.recorder().results.get("data.train"));
        assertEquals(2000, context.recorder().results.get("data.held_out"));
        assertEquals(2, context.recorder().inputHashes.size());
    }

    private String refusal(Path dir) {
        return assertThrows(InvalidInputException.class,
                () -> dataset(Map.of("dir", dir.toString(), "train", "2", "held-out", "1")).load(new TestRunContext(tmp))).getMessage();
    }

    private static int[] counts(int[] labels) {
        int[] c = new int[10];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    private static byte[] idx(int magic, int[] dims, byte[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(values);
        return b.array();
    }

    private static void writePair(Path dir, byte[] images, byte[] labels, boolean gzip) throws IOException {
        String suffix = gzip ? ".gz" : "";
        Files.write(dir.resolve("images-idx3-ubyte" + suffix), gzip ? gzip(images) : images);
        Files.write(dir.resolve("labels-idx1-ubyte" + suffix), gzip ? gzip(labels) : labels);
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
