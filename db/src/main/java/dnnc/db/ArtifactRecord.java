package dnnc.db;

/** A file of a run; path is relative to the run folder, with '/' separators. stepOrdinal is null for the run. */
public record ArtifactRecord(String path, String sha256, long sizeBytes, String description, Integer stepOrdinal) {
}
