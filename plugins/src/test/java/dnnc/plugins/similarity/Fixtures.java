package dnnc.plugins.similarity;

import dnnc.api.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the CSV fixtures written by src/test/resources/fixtures/make_fixtures.py (%.17g: exact doubles). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Matrix matrix(String name) {
        List<String> lines = lines(name);
        int cols = lines.get(0).split(",").length;
        double[] values = lines.stream().flatMap(l -> Arrays.stream(l.split(","))).mapToDouble(Double::parseDouble).toArray();
        return new Matrix(lines.size(), cols, values);
    }

    public static double[] vector(String name) {
        return matrix(name).values();
    }

    public static int[] ints(String name) {
        return Arrays.stream(vector(name)).mapToInt(v -> (int) v).toArray();
    }

    private static List<String> lines(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
