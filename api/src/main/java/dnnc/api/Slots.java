package dnnc.api;

/** The well-known things steps hand to each other. */
public final class Slots {
    public static final Slot<LabeledData> DATA = new Slot<>("data", LabeledData.class);
    public static final Slot<ConditionalGenerator> MODEL = new Slot<>("model", ConditionalGenerator.class);
    public static final Slot<ImageClassifier> JUDGE = new Slot<>("judge", ImageClassifier.class);
    public static final Slot<AttributionResult> ATTRIBUTION = new Slot<>("attribution", AttributionResult.class);
    public static final Slot<SampleFeatures> FEATURES = new Slot<>("features", SampleFeatures.class);
    public static final Slot<SimilaritySet> SIMILARITIES = new Slot<>("similarities", SimilaritySet.class);
    /** The similarity plugin, as configured, that computed {@link #SIMILARITIES}. */
    public static final Slot<SimilarityMeasure> SIMILARITY_MEASURE = new Slot<>("similarity measure", SimilarityMeasure.class);
    public static final Slot<ClusteringAlgorithm> CLUSTERING_ALGORITHM = new Slot<>("clustering algorithm", ClusteringAlgorithm.class);
    public static final Slot<LesionCriterion> LESION_CRITERION = new Slot<>("lesion criterion", LesionCriterion.class);
    public static final Slot<ClusteringSet> CLUSTERINGS = new Slot<>("clusterings", ClusteringSet.class);
    public static final Slot<SettledClustering> SETTLED_CLUSTERING = new Slot<>("settled clustering", SettledClustering.class);
    public static final Slot<LesionFindings> LESIONS = new Slot<>("lesions", LesionFindings.class);
    public static final Slot<EffectSummary> EFFECT_SUMMARY = new Slot<>("effect summary", EffectSummary.class);
    public static final Slot<LatentShapes> LATENT_SHAPES = new Slot<>("latent shapes", LatentShapes.class);
    /** A network brought as a file (dnnc:model:onnx), the subject of workflows/network.yaml. */
    public static final Slot<ProbedNetwork> NETWORK = new Slot<>("network", ProbedNetwork.class);
    /** A network attribution's targets, effects, and the focus target whose per-row features were clustered. */
    public static final Slot<RowAttribution> ROW_ATTRIBUTION = new Slot<>("network attribution", RowAttribution.class);
    public static final Slot<StrokeShare> STROKE_SHARE = new Slot<>("stroke share", StrokeShare.class);
    public static final Slot<SensitivitySummary> SENSITIVITY = new Slot<>("lesion sensitivity", SensitivitySummary.class);

    /** The plugin catalog, on the boards of units a worker computes (see {@link PluginLookup}). */
    public static final Slot<PluginLookup> PLUGINS = new Slot<>("plugins", PluginLookup.class);

    private Slots() {
    }
}
