package dnnc.api;

/** What neurons are compared by: their activations over draws, or their per-draw causal effects. */
public enum FeatureKind {
    ACTIVATION("activation"), ACE("ace");

    private final String id;

    FeatureKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
