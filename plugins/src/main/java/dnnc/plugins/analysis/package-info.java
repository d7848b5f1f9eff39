/**
 * Analysis steps that measure the study's findings from what the model, attribution and clustering steps left:
 * what each latent does to the digit (finding 1), where the studied latent's effect falls on the image
 * (finding 2), and (registered here, written beside the lesion study it re-runs) how the critical set depends on the
 * number of clusters. Each records its numbers and leaves a typed value for the report, which only draws and writes.
 */
package dnnc.plugins.analysis;
