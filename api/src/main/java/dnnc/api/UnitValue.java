package dnnc.api;

/** do(unit = value) on one unit of a layer of a {@link NetworkProbe} (layer 0: an input feature). */
public record UnitValue(int layer, int unit, float value) {
}
