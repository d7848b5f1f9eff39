/**
 * Lesion tests and critical neurons (METHODS.md section 5).
 *
 * <p>Plugins (kind {@code lesion}): {@code judge} (a reconstruction fails when the judge does not see the target
 * digit; damage 0/1, failure rate = mean) and {@code pixel-bce} (damage = mean pixel BCE of the lesioned
 * reconstruction against the intact one). Both carry the study's parameters ({@link dnnc.plugins.lesion.LesionSettings}).
 *
 * <p>Definitions:
 * <ul>
 * <li>Evaluation: every lesion is scored on the same fresh rows, alpha grid x draws, do(z_i = alpha), other
 *     latents N(0, 1) from the lesion seed (common random numbers across alphas and lesions), c = target.
 *     Damage of a lesion = mean damage over those rows.</li>
 * <li>Significance: R random lesions with the lesion's per-layer counts, drawn from the neurons clustered
 *     (label >= 0); p = (1 + #{random >= observed}) / (R + 1).</li>
 * <li>Important cluster: all clusters are screened by damage; the {@code tested-clusters} most damaging are
 *     tested; Holm over the tested ones; important = the most damaging if its Holm p < significance.</li>
 * <li>Failure rate for a graded criterion: share of reconstructions whose damage exceeds the (1 - significance)
 *     quantile of all reconstructions' damage under the matched random lesions.</li>
 * <li>Critical set: C_ACE intersect C_ACT per alpha, within the neurons clustered in both; tested against random
 *     lesions from that population; overlap p = P[X >= overlap], X hypergeometric (population, |C_ACE|, |C_ACT|).</li>
 * <li>"Fails": p < significance against the full critical set's random-lesion null. Minimal set: blocks of
 *     neurons, least |ACE| first (by number without ACE), are dropped while the rest still fails; a block whose
 *     removal stops the failure is halved down to single neurons.</li>
 * <li>Scope: {@code scope=hidden} reduces every cluster, random pool and critical population to hidden neurons.
 *     With {@code scope=all} (the study's definition) clusters of output pixels tend to be the most damaging under
 *     pixel BCE, since silencing a pixel is itself damage.</li>
 * </ul>
 */
package dnnc.plugins.lesion;
