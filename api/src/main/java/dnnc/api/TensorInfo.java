package dnnc.api;

/**
 * One tensor of a network: its name, the op that computes it (empty for a graph input), shape (-1 for an axis of
 * any length, such as the batch), element type, and its units: one element of a dense (batch, n) tensor is a
 * unit; one channel (axis 1) of a tensor of rank 3 or more is a unit.
 */
public record TensorInfo(String name, String op, long[] shape, String type, int units) {
    public TensorInfo {
        shape = shape.clone();
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Whether a tensor of {@code given} shape fits this one: same rank, equal axes after the batch where fixed. */
    public boolean fits(long[] given) {
        if (given.length != shape.length) {
            return false;
        }
        for (int i = 1; i < given.length; i++) {
            if (shape[i] >= 0 && shape[i] != given[i]) {
                return false;
            }
        }
        return true;
    }

    /** Units of a tensor of this shape, as {@link TensorInfo} counts them (axis 0 is the batch). */
    public static int unitsOf(long[] shape) {
        return shape.length < 2 ? 0 : Math.toIntExact(shape[1]);
    }
}
