package dnnc.plugins.data;

import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.Preflight;
import dnnc.io.Npy;
import dnnc.plugins.testing.TestRunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void csvRowsWithAHeaderAndALabelColumnByName() throws IOException {
        Path x = Files.writeString(dir.resolve("X.csv"), "p0,p1,label,p2\n0.5,1,2,-3e-1\n\n4,5,0,6\n");
        NpyDataset data = dataset(Map.of("inputs", x.toString(), "label-column", "label"));
        Map<String, String> facts = new HashMap<>();
        data.preflight(facts);
        assertEquals("(2, 3)", facts.get(Preflight.DATA_SHAPE));
        assertEquals("float64", facts.get(Preflight.DATA_DTYPE));
        assertEquals("true", facts.get(Preflight.DATA_FLAT_ROWS), "a CSV row is the input flattened");
        assertEquals("true", facts.get(Preflight.DATA_LABELLED));
        assertEquals("3", facts.get(Preflight.DATA_CLASSES));
        LabeledData loaded = data.load(new TestRunContext(dir, 1));
        assertArrayEquals(new float[] {0.5f, 1f, -0.3f, 4f, 5f, 6f}, loaded.heldOut().pixels());
        assertArrayEquals(new int[] {2, 0}, loaded.heldOut().labels());
    }

    @Test
    void csvRowsWithoutAHeaderAndLabelsByColumnNumberOrInTheirOwnFile() throws IOException {
        Path x = Files.writeString(dir.resolve("X.csv"), "1,0.25,0.5\n0,0.75,1\n");
        LabeledData byNumber = dataset(Map.of("inputs", x.toString(), "label-column", "1")).load(new TestRunContext(dir, 1));
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f, 1f}, byNumber.heldOut().pixels());
        assertArrayEquals(new int[] {1, 0}, byNumber.heldOut().labels());

        Path y = Files.writeString(dir.resolve("y.csv"), "class\n3\n1\n");
        NpyDataset data = dataset(Map.of("inputs", x.toString(), "labels", y.toString()));
        Map<String, String> facts = new HashMap<>();
        data.preflight(facts);
        assertEquals("(2, 3)", facts.get(Preflight.DATA_SHAPE), "without a label column every column is an input");
        LabeledData separate = data.load(new TestRunContext(dir, 1));
        assertArrayEquals(new int[] {3, 1}, separate.heldOut().labels());
        assertEquals(4, separate.classCount());
        assertEquals(2, separate.fileSha256().size(), "both files' hashes on record");
    }

    @Test
    void badCsvFilesAreOneLineNamingFileLineAndWhatWouldBeValid() throws IOException {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "1,2,3\n4,5\n");
        assertRefused(Map.of("inputs", ragged.toString()), ragged + ": line 2 has 2 values; expected 3 like line 1");
        Path word = Files.writeString(dir.resolve("word.csv"), "a,b\n1,2\n3,x\n");
        assertRefused(Map.of("inputs", word.toString()), word + ": line 3, column 2 is 'x'; expected a number");
        Path nan = Files.writeString(dir.resolve("nan.csv"), "1,2\nnan,2\n");
        assertRefused(Map.of("inputs", nan.toString()), nan + ": line 2 holds NaN; a network's input rows must be finite numbers");
        Path x = Files.writeString(dir.resolve("X.csv"), "a,b,label\n1,2,0\n");
        assertRefused(Map.of("inputs", x.toString(), "label-column", "class"),
                "'label-column' of data plugin 'npy' is 'class'; " + x + " has no such column: give one of the header's names [a, b, label] or a column number from 1 to 3");
        assertRefused(Map.of("inputs", x.toString(), "label-column", "label", "labels", x.toString()), "labels twice");
        Path fractional = Files.writeString(dir.resolve("frac.csv"), "1,0.5\n");
        assertRefused(Map.of("inputs", fractional.toString(), "label-column", "2"), fractional + ": label 0.5 at row 0; expected class indices");
        Path twoColumns = Files.writeString(dir.resolve("y.csv"), "1,0\n");
        assertRefused(Map.of("inputs", fractional.toString(), "labels", twoColumns.toString()), twoColumns + ": shape (1, 2); expected (1,)");
        Path npy = Npy.write(dir.resolve("X.npy"), new long[] {2, 3}, 4, i -> i);
        assertRefused(Map.of("inputs", npy.toString(), "label-column", "1"), "names a column of a CSV file; " + npy + " is not one");
    }

    private void assertRefused(Map<String, String> parameters, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> dataset(parameters).preflight(new HashMap<>()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }
}
