package dnnc.api;

/** A typed name for something a step leaves in the {@link RunContext} for later steps. */
public record Slot<T>(String name, Class<T> type) {
}
