package dnnc.plugins.attribution;

/**
 * One worker's arrays for a chunk's forward rows and baselines, reused from chunk to chunk: fresh ones were
 * tens of MB per chunk, each paid again in zeroing and page faults (~5 % of the ACE's time). Sized on first
 * use; a shorter last chunk uses their beginning.
 */
final class ChunkBuffers {
    private float[] latentRows = new float[0];
    private float[] classRows = new float[0];
    private double[] baseline = new double[0];

    float[] latentRows(int floats) {
        if (latentRows.length < floats) {
            latentRows = new float[floats];
        }
        return latentRows;
    }

    float[] classRows(int floats) {
        if (classRows.length < floats) {
            classRows = new float[floats];
        }
        return classRows;
    }

    /** Room for a baseline of {@code cells} doubles; contents undefined. */
    double[] baseline(int cells) {
        if (baseline.length < cells) {
            baseline = new double[cells];
        }
        return baseline;
    }
}
