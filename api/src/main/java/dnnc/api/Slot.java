package dnnc.api;

/**
 * A typed place for something a step leaves in the {@link RunContext} for later steps. A slot is itself the key:
 * equal only to itself, so two slots that happen to share a name (a plugin's {@code new Slot<>("model", ...)}
 * beside {@link Slots#MODEL}) never read or overwrite each other. The name only labels it in messages.
 */
public record Slot<T>(String name, Class<T> type) {
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
