package dnnc.api;

import java.util.Map;

/**
 * What an attribution step concluded about the decoder's inputs (docs/METHODS.md section 3): the latent whose
 * per-draw features were kept ({@code null} when none), each latent's total effect on the outputs by label, and
 * how many class maps peak at their own class ({@code null} when not measured).
 */
public record EffectSummary(Integer focusLatent, Map<String, Double> totalEffects, Integer classDiagonalHits) {
}
