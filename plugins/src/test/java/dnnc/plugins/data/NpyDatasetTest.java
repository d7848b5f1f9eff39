package dnnc.plugins.data;

import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.Preflight;
import dnnc.io.Npy;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyDatasetTest {
    @TempDir
    Path dir;

    private NpyDataset dataset(Map<String, String> parameters) {
        NpyDataset data = new NpyDataset();
        data.configure(parameters);
        return data;
    }

    @Test
    void rowsAndLabelsAsSavedWithTheirShapeDeclaredForTheModelStep() {
        Path x = Npy.write(dir.resolve("X.npy"), new long[] {4, 1, 2, 3}, 4, i -> i);
        Path y = Npy.write(dir.resolve("y.npy"), new long[] {4}, 8, i -> 3 - i);
        NpyDataset data = dataset(Map.of("inputs", x.toString(), "labels", y.toString(), "rows", "3"));
        Map<String, String> facts = new HashMap<>();
        data.preflight(facts);
        assertEquals("(3, 1, 2, 3)", facts.get(Preflight.DATA_SHAPE));
        assertEquals("float32", facts.get(Preflight.DATA_DTYPE));
        assertEquals("true", facts.get(Preflight.DATA_LABELLED));
        assertEquals("4", facts.get(Preflight.DATA_CLASSES));
        LabeledData loaded = data.load(new TestRunContext(dir, 1));
        assertEquals(3, loaded.heldOut().count());
        assertEquals(6, loaded.heldOut().pixelsPerImage());
        assertEquals(0, loaded.train().count(), "nothing is trained on");
        assertArrayEquals(new int[] {3, 2, 1}, loaded.heldOut().labels());
        assertEquals(17f, loaded.heldOut().pixels()[17]);
    }

    @Test
    void unlabelledRowsHaveNoClasses() {
        Path x = Npy.write(dir.resolve("X.npy"), new long[] {2, 3}, 8, i -> i);
        NpyDataset data = dataset(Map.of("inputs", x.toString()));
        Map<String, String> facts = new HashMap<>();
        data.preflight(facts);
        assertEquals("false", facts.get(Preflight.DATA_LABELLED));
        assertEquals(0, data.load(new TestRunContext(dir, 1)).classCount());
    }

    @Test
    void badFilesAreOneLineNamingTheFile() {
        Path x = Npy.write(dir.resolve("X.npy"), new long[] {2, 3}, 4, i -> i);
        Path fractional = Npy.write(dir.resolve("y.npy"), new long[] {2}, 4, i -> 0.5);
        InvalidInputException labels = assertThrows(InvalidInputException.class,
                () -> dataset(Map.of("inputs", x.toString(), "labels", fractional.toString())).preflight(new HashMap<>()));
        assertTrue(labels.getMessage().startsWith(fractional + ": label 0.5 at row 0; expected class indices"), labels.getMessage());
        InvalidInputException many = assertThrows(InvalidInputException.class,
                () -> dataset(Map.of("inputs", x.toString(), "rows", "5")).preflight(new HashMap<>()));
        assertTrue(many.getMessage().contains("'rows' of data plugin 'npy' is 5; " + x + " has 2 rows"), many.getMessage());
        Path vector = Npy.write(dir.resolve("v.npy"), new long[] {3}, 4, i -> i);
        InvalidInputException flat = assertThrows(InvalidInputException.class,
                () -> dataset(Map.of("inputs", vector.toString())).preflight(new HashMap<>()));
        assertTrue(flat.getMessage().contains("shape (3,); expected (rows, features...)"), flat.getMessage());
    }
}
