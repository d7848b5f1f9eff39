package dnnc.api;

/**
 * Attribution of a network brought as a file ({@link ProbedNetwork}): {@code count} rows of its data set (row-major,
 * {@code network.inputSize()} values each, shaped {@code rowShape}) are the empirical distribution the inputs not
 * intervened on are drawn from; {@code seed} serves when the method has no seed of its own.
 */
public record RowAttributionRequest(NetworkProbe network, long[] rowShape, float[] rows, int count, long seed) {
}
