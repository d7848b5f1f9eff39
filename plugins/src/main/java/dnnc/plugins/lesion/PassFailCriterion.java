package dnnc.plugins.lesion;

import dnnc.api.LesionCriterion;

/** A criterion whose damages are 0 (pass) or 1 (fail): its failure rate is the mean damage itself. */
public interface PassFailCriterion extends LesionCriterion {
}
