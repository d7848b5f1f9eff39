package dnnc.plugins.attribution;

import dnnc.api.AttributionResult;
import dnnc.api.InvalidInputException;
import dnnc.api.SampleFeatures;
import dnnc.api.Slots;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionStageTest {
    private static final double[] AMPLITUDES = {0.1, 0.2, 0.1, 1.0, 0.1, 0.0, 0.3, 0.1, 0.1, 0.2};
    private static final int[] IDENTITY = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    private TestRunContext run(Path dir, int[] labelOf, Map<String, String> params) {
        TemplateDecoder decoder = new TemplateDecoder(AMPLITUDES);
        TestRunContext context = new TestRunContext(dir, 42);
        context.put(Slots.MODEL, decoder);
        context.put(Slots.DATA, decoder.data(labelOf));
        MonteCarloAcePlugin plugin = new MonteCarloAcePlugin();
        plugin.configure(params);
        new AttributionStage().run(plugin, context);
        return context;
    }

    @Test
    void recordsTheKnownAnswersOfATemplateDecoder(@TempDir Path dir) throws IOException {
        TestRunContext context = run(dir, IDENTITY, Map.of("draws", "40"));
        assertEquals(10, context.results.get("ace.class_diagonal_hits"));
        assertEquals(3, context.results.get("ace.most_moving_latent"));
        assertEquals(3, context.results.get("ace.focus_latent"));
        @SuppressWarnings("unchecked")
        Map<String, Double> totals = (Map<String, Double>) context.results.get("ace.total_effect");
        assertEquals(0.0, totals.get("z_5"), 1e-6, "a latent the decoder ignores has no effect");
        // a linear decoder: the L2 norm of the template times the mean |alpha - mean alpha| (12/7)
        double norm = 0;
        for (float v : new TemplateDecoder(AMPLITUDES).templates[3]) {
            norm += v * v;
        }
        assertEquals(Math.sqrt(norm) * 12 / 7.0, totals.get("z_3"), 1e-3);

        SampleFeatures features = context.get(Slots.FEATURES).orElseThrow();
        assertEquals(3, features.input());
        assertEquals(40, features.draws());
        AttributionResult result = context.get(Slots.ATTRIBUTION).orElseThrow();
        assertEquals(20, result.effects().size());

        double[] latents = context.arrays.get("ace.latent_effects");
        assertArrayEquals(new int[] {10, 7, result.layout().total()}, context.arrayShapes.get("ace.latent_effects"));
        assertArrayEquals(latents, readNpy(dir.resolve("ace_latents.npy"), latents.length), 0.0);
        assertEquals(result.effects().get(4).ace()[6][100], latents[(4 * 7 + 6) * result.layout().total() + 100], 0.0);

        for (String file : new String[] {"ace_classes_output.png", "ace_latents_output.png", "ace_z_3_hidden.png"}) {
            assertPng(dir.resolve(file));
            assertTrue(context.artifacts.containsKey(dir.resolve(file)), file + " recorded");
            assertTrue(Files.exists(dir.resolve(file.replace(".png", ".csv"))), file + " has its data");
        }
        byte[] gif = Files.readAllBytes(dir.resolve("ace_z_3_output.gif"));
        assertEquals("GIF89a", new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        // 784 pixels x 10 classes plus the header
        assertEquals(7841, Files.readAllLines(dir.resolve("ace_classes_output.csv")).size());
    }

    @Test
    void permutedLabelsGiveNoDiagonalHitsAndAnExplicitFocusIsKept(@TempDir Path dir) {
        int[] shifted = Arrays.stream(IDENTITY).map(k -> (k + 1) % 10).toArray();
        TestRunContext context = run(dir, shifted, Map.of("draws", "20", "focus", "1", "inputs", "z_1,z_3,c_0,c_1,c_2,c_3,c_4,c_5,c_6,c_7,c_8,c_9"));
        assertEquals(0, context.results.get("ace.class_diagonal_hits"));
        assertEquals(1, context.results.get("ace.focus_latent"));
        assertEquals(1, context.get(Slots.FEATURES).orElseThrow().input());
        assertEquals(12, context.get(Slots.ATTRIBUTION).orElseThrow().effects().size());
    }

    @Test
    void badFocusOrInputIsAUserError(@TempDir Path dir) {
        assertThrows(InvalidInputException.class, () -> run(dir, IDENTITY, Map.of("draws", "4", "focus", "12", "inputs", "z_0")));
        assertThrows(InvalidInputException.class, () -> run(dir, IDENTITY, Map.of("draws", "4", "inputs", "z_10")));
    }

    private static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static double[] readNpy(Path file, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = buffer.getShort(8);
        assertEquals(0, (10 + headerLength) % 64, "npy data is 64-byte aligned");
        buffer.position(10 + headerLength);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = buffer.getDouble();
        }
        assertEquals(bytes.length, 10 + headerLength + 8 * count);
        return values;
    }
}
