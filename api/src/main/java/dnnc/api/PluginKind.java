package dnnc.api;

/** The kinds of plugin; a workflow step names a kind and a plugin of that kind. */
public enum PluginKind {
    DATA("data", DatasetSource.class),
    MODEL("model", ModelTrainer.class),
    ATTRIBUTION("attribution", AttributionMethod.class),
    SIMILARITY("similarity", SimilarityMeasure.class),
    CLUSTERING("clustering", ClusteringAlgorithm.class),
    LESION("lesion", LesionCriterion.class),
    ANALYSIS("analysis", Analysis.class),
    REPORT("report", Reporter.class);

    private final String id;
    private final Class<? extends Plugin> type;

    PluginKind(String id, Class<? extends Plugin> type) {
        this.id = id;
        this.type = type;
    }

    /** The word used in workflows: {@code dnnc:<id>:<plugin-name>}. */
    public String id() {
        return id;
    }

    public Class<? extends Plugin> type() {
        return type;
    }

    public static PluginKind fromId(String id) {
        for (PluginKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new InvalidInputException("unknown plugin kind '" + id + "'; valid kinds: "
                + String.join(", ", java.util.Arrays.stream(values()).map(PluginKind::id).toList()));
    }
}
