package dnnc.plugins.data;

import dnnc.api.DatasetSource;
import dnnc.api.ImageSet;
import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Preflight;
import dnnc.api.RunContext;
import dnnc.io.Npy;
import dnnc.io.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows for a network brought as a file: an .npy array whose first axis is the rows and whose other axes are the
 * network input's shape, or a CSV file with one row per line (the input flattened in C order; a header and a
 * label column allowed), and optionally their integer class labels (a column of the CSV, or a file: .npy or
 * one-column .csv, one per row). Every row is analysed (no training happens), so all rows are the held-out part.
 * The model step checks the rows' shape against the network's input before the run is on record.
 */
@PluginInfo(name = "npy", description = "rows of a NumPy array (inputs=X.npy, float32/float64, axis 0 = rows) or a CSV file (inputs=X.csv, one row per line), and optional labels (labels=y.npy or y.csv, or label-column= of the CSV; integers)")
public final class NpyDataset implements DatasetSource, Preflight {

    @Param(description = "the file of input rows: X.npy shaped (rows, ...) with the network input's shape after the rows, or X.csv with one row per line (its values the input flattened in C order; a header line of names is allowed)")
    private String inputs = "";

    @Param(description = "the file of integer class labels, one per row (y.npy, or y.csv with one column); empty: unlabelled (criteria that need labels refuse)")
    private String labels = "";

    @Param(name = "label-column", description = "the column of inputs=X.csv holding each row's class: its header name or its number counting from 1; empty: every column is an input")
    private String labelColumn = "";

    @Param(description = "rows used, from the start of the file; 0 = all", min = 0)
    private int rows = 0;

    @Override
    public LabeledData load(RunContext context) {
        Checked checked = check();
        int count = checked.count;
        int width = checked.rowSize;
        float[] values = new float[count * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) checked.inputs.values()[i];
        }
        ImageSet all = new ImageSet(count, 1, width, values, checked.labels);
        ImageSet none = new ImageSet(0, 1, width, new float[0], new int[0]);
        return new LabeledData(inputs, none, all, checked.classes, checked.sha256, checked.fileHashes);
    }

    /** Reads and checks the files, and declares their shape and type for the model step to check against. */
    @Override
    public void preflight(Map<String, String> facts) {
        Checked checked = check();
        long[] shape = checked.inputs.shape();
        shape[0] = checked.count;
        facts.put(Preflight.DATA_SHA256, checked.sha256);
        facts.put(Preflight.DATA_CLASSES, Integer.toString(checked.classes));
        facts.put(Preflight.DATA_SHAPE, Npy.shapeText(shape));
        facts.put(Preflight.DATA_DTYPE, checked.inputs.dtype());
        facts.put(Preflight.DATA_FILE, inputs);
        facts.put(Preflight.DATA_FLAT_ROWS, Boolean.toString(checked.inputs.flat()));
        facts.put(Preflight.DATA_LABELLED, Boolean.toString(checked.labels.length > 0 && checked.labels[0] >= 0));
    }

    private record Checked(RowFiles.Rows inputs, int count, int rowSize, int[] labels, int classes,
                           Map<String, String> fileHashes, String sha256) {
    }

    private Checked check() {
        if (inputs.isEmpty()) {
            throw new InvalidInputException("parameter 'inputs' of data plugin 'npy' is empty; give inputs=X.npy (rows along axis 0) or inputs=X.csv (one row per line)");
        }
        Path inputFile = existing(inputs, "inputs");
        RowFiles.Rows x = RowFiles.inputs(inputFile, labelColumn);
        if (!x.isFloat()) {
            throw new InvalidInputException(inputFile + ": dtype " + x.dtype() + "; dnnc feeds networks float32 rows: save a float32 or float64 array (x.astype(numpy.float32))");
        }
        if (x.shape().length < 2 || x.shape()[0] == 0) {
            throw new InvalidInputException(inputFile + ": shape " + Npy.shapeText(x.shape()) + "; expected (rows, features...) with at least one row");
        }
        int available = Math.toIntExact(x.shape()[0]);
        int count = rows == 0 ? available : rows;
        if (count > available) {
            throw new InvalidInputException("parameter 'rows' of data plugin 'npy' is " + rows + "; " + inputFile + " has " + available + " rows");
        }
        int rowSize = x.values().length / available;
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put(inputFile.getFileName().toString(), sha256(inputFile));
        int[] y = new int[count];
        Arrays.fill(y, -1);
        int classes = 0;
        if (!labels.isEmpty() && x.labels() != null) {
            throw new InvalidInputException("data plugin 'npy' is given labels twice: labels=" + labels + " and label-column=" + labelColumn + "; give one");
        }
        if (!labels.isEmpty()) {
            Path labelFile = existing(labels, "labels");
            y = classes(labelFile, RowFiles.labels(labelFile, available), count);
            hashes.put(labelFile.getFileName().toString(), sha256(labelFile));
        } else if (x.labels() != null) {
            y = classes(inputFile, x.labels(), count);
        }
        if (y.length > 0 && y[0] >= 0) {
            classes = Arrays.stream(y).max().orElse(-1) + 1;
        }
        StringBuilder identity = new StringBuilder();
        hashes.values().forEach(h -> identity.append(h).append('\n'));
        identity.append("rows=").append(count).append('\n');
        if (!labelColumn.isEmpty()) {
            identity.append("label-column=").append(labelColumn).append('\n');
        }
        return new Checked(x, count, rowSize, y, classes, hashes, Sha256.hex(identity.toString()));
    }

    private static int[] classes(Path file, double[] values, int count) {
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                throw new InvalidInputException(file + ": label " + v + " at row " + i + "; expected class indices 0, 1, 2, ...");
            }
            classes[i] = (int) v;
        }
        return classes;
    }

    private static Path existing(String name, String parameter) {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("parameter '" + parameter + "' of data plugin 'npy': " + file + " does not exist; give an .npy or .csv file");
        }
        return file;
    }

    private static String sha256(Path file) {
        try {
            return Sha256.hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
