package dnnc.plugins.lesion;

/** The top-1 class of each row of a classifier's outputs (the first on ties), as argmax over logits or probabilities. */
final class TopClass {
    private TopClass() {
    }

    static int[] of(float[] outputs, int rows) {
        int width = outputs.length / rows;
        int[] top = new int[rows];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int k = 1; k < width; k++) {
                if (outputs[r * width + k] > outputs[r * width + best]) {
                    best = k;
                }
            }
            top[r] = best;
        }
        return top;
    }
}
