package dnnc.plugins.data;

import dnnc.api.DatasetSource;
import dnnc.api.ImageSet;
import dnnc.api.InvalidInputException;
import dnnc.api.LabeledData;
import dnnc.api.Param;
import dnnc.api.PluginInfo;
import dnnc.api.Preflight;
import dnnc.api.RunContext;
import dnnc.io.Sha256;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labelled greyscale images from a pair of IDX files (MNIST, Fashion-MNIST, ...). The first {@code train} images
 * train, the last {@code held-out} are held out, as the study split its 10,000 digits.
 */
@PluginInfo(name = "mnist-idx", description = "MNIST-format IDX images and labels (gzip or raw): the embedded 10,000 digits or a folder")
public final class MnistIdxDataset implements DatasetSource, Preflight {

    @Param(description = "folder with images/labels IDX files (MNIST or Fashion-MNIST names), or 'embedded' for the 10,000 bundled MNIST digits")
    private String dir = IdxPair.EMBEDDED;

    @Param(description = "number of training images, taken from the start of the file", min = 1)
    private int train = 8000;

    @Param(name = "held-out", description = "number of held-out images, taken from the end of the file", min = 1)
    private int heldOut = 2000;

    @Override
    public LabeledData load(RunContext context) {
        Checked checked = check();
        IdxFile images = checked.files.images;
        IdxFile labels = checked.files.labels;
        return new LabeledData(checked.files.source, slice(images, labels, 0, train),
                slice(images, labels, images.count() - heldOut, heldOut), checked.classes, checked.sha256, checked.fileHashes);
    }

    /** Reads and checks the files before the run is on record: a missing, truncated or foreign file stops it there. */
    @Override
    public void preflight(Map<String, String> facts) {
        Checked checked = check();
        facts.put(Preflight.DATA_SHA256, checked.sha256);
        facts.put(Preflight.DATA_CLASSES, Integer.toString(checked.classes));
    }

    private record Checked(IdxPair files, int classes, Map<String, String> fileHashes, String sha256) {
    }

    private Checked check() {
        IdxPair files = IdxPair.open(dir);
        IdxFile images = files.images;
        IdxFile labels = files.labels;
        if (labels.count() != images.count()) {
            throw new InvalidInputException("IDX file " + labels.name() + " has a length mismatch: " + labels.count()
                    + " labels for " + images.count() + " images in " + images.name());
        }
        if ((long) train + heldOut > images.count()) {
            throw new InvalidInputException("train (" + train + ") + held-out (" + heldOut + ") exceed the " + images.count()
                    + " images in " + images.name());
        }
        int classes = 0;
        for (int i = 0; i < labels.count(); i++) {
            classes = Math.max(classes, labels.unsigned(i) + 1);
        }
        Map<String, String> fileHashes = new LinkedHashMap<>();
        fileHashes.put(images.name(), images.sha256());
        fileHashes.put(labels.name(), labels.sha256());
        return new Checked(files, classes, fileHashes, splitHash(fileHashes));
    }

    /** The files' hashes and the split together: a model trained on another split must not be taken from the cache. */
    private String splitHash(Map<String, String> fileHashes) {
        StringBuilder text = new StringBuilder();
        fileHashes.values().forEach(h -> text.append(h).append('\n'));
        text.append("train=").append(train).append("\nheld-out=").append(heldOut).append('\n');
        return Sha256.hex(text.toString());
    }

    private static ImageSet slice(IdxFile images, IdxFile labels, int first, int count) {
        int rows = images.dims()[1];
        int cols = images.dims()[2];
        int pixels = rows * cols;
        float[] x = new float[count * pixels];
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            int offset = (first + i) * pixels;
            for (int p = 0; p < pixels; p++) {
                x[i * pixels + p] = images.unsigned(offset + p) / 255f;
            }
            y[i] = labels.unsigned(first + i);
        }
        return new ImageSet(count, rows, cols, x, y);
    }
}
