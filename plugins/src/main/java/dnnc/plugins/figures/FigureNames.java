package dnnc.plugins.figures;

import dnnc.api.FeatureKey;
import dnnc.api.FeatureKind;

/**
 * The name (without extension) of every figure a step writes and the study report embeds, so the step that draws a
 * figure and the page that shows it cannot disagree. Inputs are labelled as the schema labels them ("z_3", "c_5").
 */
public final class FigureNames {
    public static final String RECONSTRUCTION_GRID = "reconstruction-grid";
    public static final String RECONSTRUCTION_ORIENTATION = "reconstruction-orientation";
    public static final String RECONSTRUCTION_INK = "reconstruction-ink";
    public static final String ACE_CLASSES_OUTPUT = "ace_classes_output";
    public static final String ACE_LATENTS_OUTPUT = "ace_latents_output";
    public static final String PREFERENCE_SWEEP = "preference-sweep";
    public static final String LESION_CRITICAL = "lesion_critical";
    public static final String LESION_SIZES = "lesion_sizes";
    public static final String LESION_SENSITIVITY_SIZE = "lesion_sensitivity_size";
    public static final String LESION_SENSITIVITY_DAMAGE = "lesion_sensitivity_damage";
    public static final String REPEATABILITY = "repeatability";

    private FigureNames() {
    }

    /** The looping GIF of one latent's sweep: "reconstruction-z3" for z_3. */
    public static String reconstructionAnimation(int latent) {
        return "reconstruction-z" + latent;
    }

    /** The GIF of one input's ACE on the output pixels over alpha: "ace_z_3_output". */
    public static String aceOutputAnimation(String inputLabel) {
        return "ace_" + inputLabel + "_output";
    }

    /** One input's ACE on every hidden neuron: "ace_z_3_hidden". */
    public static String aceHidden(String inputLabel) {
        return "ace_" + inputLabel + "_hidden";
    }

    /** The lesioned clusters of one clustering: "lesion_clusters_ace_-3". */
    public static String lesionClusters(FeatureKey key) {
        return "lesion_clusters_" + key.kind().id() + "_" + key.alphaLabel();
    }

    /** Random lesions against one clustering's important cluster: "lesion_null_ace_-3". */
    public static String lesionNull(FeatureKey key) {
        return "lesion_null_" + key.kind().id() + "_" + key.alphaLabel();
    }

    /** Random lesions against the critical set of one alpha: "lesion_null_critical_-3". */
    public static String lesionNullCritical(double alpha) {
        return "lesion_null_critical_" + FeatureKey.alphaLabel(alpha);
    }

    /** A figure's PNG file name. */
    public static String png(String name) {
        return name + ".png";
    }

    /** An animation's GIF file name. */
    public static String gif(String name) {
        return name + ".gif";
    }

    /** The lesioned clusters of the clustering of {@code kind} at {@code alpha}. */
    public static String lesionClusters(FeatureKind kind, double alpha) {
        return lesionClusters(new FeatureKey(kind, alpha));
    }
}
