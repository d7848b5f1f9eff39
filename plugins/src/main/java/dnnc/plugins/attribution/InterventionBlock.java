package dnnc.plugins.attribution;

/**
 * One input's interventions on a block of draws: for each intervention value v, {@code activations[v]} and
 * the per-draw {@code effects[v]} (treatment minus the draw's own baseline), both rows x neurons, row-major.
 */
record InterventionBlock(int input, int rows, float[][] activations, double[][] effects) {
}
