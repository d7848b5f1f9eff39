package dnnc.bench.benchmarks;

/**
 * The work behind the limits' derived figures, counted in one place: the FLOPs of a decoder row and of the ACE, and
 * the bytes one affinity propagation iteration must move. These are the least work that computes the result (what
 * a perfect implementation would still do), so a time divided into them is a rate the machine's measured peak bounds.
 */
public final class WorkCounts {
    /** The ACE of all inputs: 10 latents x 7 alphas + 10 classes, 80 interventions, each {@code draws} decoder rows. */
    public static final int ACE_ALL_INPUTS_INTERVENTIONS = DecoderShapes.LATENTS * AceBenchmark.ALPHAS.length + DecoderShapes.CLASSES;
    /** The ACE of z_1 (the reference's measurement): one latent x 7 alphas. */
    public static final int ACE_Z1_INTERVENTIONS = AceBenchmark.ALPHAS.length;
    /**
     * Matrices one affinity propagation iteration streams, each N x N: it reads the similarity S, the
     * responsibilities R and the availabilities A, and writes the damped R and A back. Everything else it does (row
     * maxima, column sums) is O(N) beside them, so 5 N^2 values bound an iteration's memory traffic from below.
     */
    public static final int AP_MATRICES_STREAMED = 5;

    private WorkCounts() {
    }

    /** The study decoder's layer widths, inputs first: 20 -> 128 -> 256 -> 512 -> 784. */
    public static int[] decoderWidths() {
        return DecoderShapes.widths(1);
    }

    /**
     * FLOPs of one row through dense layers of these widths: each layer's GEMM does in x out multiply-adds, 2 FLOPs
     * each (bias, ReLU and sigmoid are O(out), under 0.2 % for the decoder, and not GEMM work). The decoder: 1,135,616.
     */
    public static double flopsPerRow(int[] widths) {
        double flops = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            flops += 2.0 * widths[l] * widths[l + 1];
        }
        return flops;
    }

    /** Bytes one affinity propagation iteration reads and writes at N, with values of {@code bytesPerValue} (8 or 4). */
    public static double apIterationBytes(int n, int bytesPerValue) {
        return (double) AP_MATRICES_STREAMED * n * n * bytesPerValue;
    }
}
