package dnnc.api;

/** Labelled greyscale images, row-major: pixel p of image i is {@code pixels[i * rows * cols + p]}, in [0, 1]. */
public record ImageSet(int count, int rows, int cols, float[] pixels, int[] labels) {
    public ImageSet {
        if (pixels.length != (long) count * rows * cols || labels.length != count) {
            throw new IllegalArgumentException("image set shape mismatch: " + count + " x " + rows + " x " + cols);
        }
    }

    public int pixelsPerImage() {
        return rows * cols;
    }
}
