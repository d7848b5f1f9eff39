package dnnc.api;

/** Plugin kind "similarity": a variables x variables similarity from a samples x variables matrix. */
public interface SimilarityMeasure extends Plugin {
    /** Constant columns are left out of the matrix (see {@link SimilarityResult#kept()}); no NaN is returned. */
    SimilarityResult similarity(Matrix samplesByVariables);
}
