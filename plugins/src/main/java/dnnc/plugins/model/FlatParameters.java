package dnnc.plugins.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/** The weights of a model as one flat float vector, each named weight a c-order view into it. */
final class FlatParameters {
    private final Map<String, long[]> shapes;
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final long length;
    private final INDArray flat;

    FlatParameters(Map<String, long[]> shapes) {
        this.shapes = shapes;
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            offsets.put(e.getKey(), offset);
            offset += elements(e.getValue());
        }
        this.length = offset;
        this.flat = Nd4j.create(DataType.FLOAT, length);
    }

    INDArray flat() {
        return flat;
    }

    long length() {
        return length;
    }

    /** A zeroed vector laid out like {@link #flat()} (a gradient). */
    INDArray zeros() {
        return Nd4j.create(DataType.FLOAT, length);
    }

    /** The named weight inside {@code vector}, which is laid out like {@link #flat()}; biases as [1, out]. */
    INDArray view(INDArray vector, String name) {
        long[] dims = shapes.get(name);
        long[] matrix = dims.length == 1 ? new long[] {1, dims[0]} : dims;
        return Nd4j.create(vector.data(), matrix, new long[] {matrix[1], 1}, offsets.get(name), 'c');
    }

    void set(Map<String, INDArray> weights) {
        weights.forEach((name, w) -> view(flat, name).assign(w.reshape(view(flat, name).shape())));
    }

    Map<String, INDArray> get() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        shapes.forEach((name, dims) -> weights.put(name, view(flat, name).dup('c').reshape(dims)));
        return weights;
    }

    private static long elements(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }
}
