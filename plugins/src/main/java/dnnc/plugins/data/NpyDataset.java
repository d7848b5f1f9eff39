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
 * network input's shape, and optionally their integer class labels (.npy, one per row). Every row is analysed (no
 * training happens), so all rows are the held-out part. The model step checks the rows' shape against the
 * network's input before the run is on record.
 */
@PluginInfo(name = "npy", description = "rows of a NumPy array (inputs=X.npy, float32/float64, axis 0 = rows) and optional labels (labels=y.npy, integers)")
public final class NpyDataset implements DatasetSource, Preflight {

    @Param(description = "the .npy file of input rows: shape (rows, ...) with the network input's shape after the rows")
    private String inputs = "";

    @Param(description = "the .npy file of integer class labels, one per row; empty: unlabelled (criteria that need labels refuse)")
    private String labels = "";

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
        facts.put(Preflight.DATA_LABELLED, Boolean.toString(!labels.isEmpty()));
    }

    private record Checked(Npy.Contents inputs, int count, int rowSize, int[] labels, int classes,
                           Map<String, String> fileHashes, String sha256) {
    }

    private Checked check() {
        if (inputs.isEmpty()) {
            throw new InvalidInputException("parameter 'inputs' of data plugin 'npy' is empty; give inputs=X.npy (rows along axis 0)");
        }
        Path inputFile = existing(inputs, "inputs");
        Npy.Contents x = read(inputFile);
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
        if (!labels.isEmpty()) {
            Path labelFile = existing(labels, "labels");
            y = labels(labelFile, available, count);
            classes = Arrays.stream(y).max().orElse(-1) + 1;
            hashes.put(labelFile.getFileName().toString(), sha256(labelFile));
        }
        StringBuilder identity = new StringBuilder();
        hashes.values().forEach(h -> identity.append(h).append('\n'));
        identity.append("rows=").append(count).append('\n');
        return new Checked(x, count, rowSize, y, classes, hashes, Sha256.hex(identity.toString()));
    }

    private static int[] labels(Path file, int available, int count) {
        Npy.Contents y = read(file);
        long[] shape = y.shape();
        boolean oneColumn = shape.length == 1 || shape.length == 2 && shape[1] == 1;
        if (!oneColumn || shape[0] != available) {
            throw new InvalidInputException(file + ": shape " + Npy.shapeText(shape) + "; expected (" + available + ",): one label per row of the inputs");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            double v = y.values()[i];
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                throw new InvalidInputException(file + ": label " + v + " at row " + i + "; expected class indices 0, 1, 2, ...");
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    private static Npy.Contents read(Path file) {
        try {
            return Npy.readAnyType(file);
        } catch (Npy.FormatException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    private static Path existing(String name, String parameter) {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("parameter '" + parameter + "' of data plugin 'npy': " + file + " does not exist; give an .npy file");
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
