package dnnc.api;

/** One layer of a probed network: layer 0 is the input, the last is the output. */
public record Layer(String name, int size) implements java.io.Serializable {
}
