package dnnc.api;

/** do(x_input = value). */
public record Intervention(int input, float value) {
}
